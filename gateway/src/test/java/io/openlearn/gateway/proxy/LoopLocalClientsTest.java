package io.openlearn.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoopLocalClientsTest {

    private Vertx vertx;
    private HttpServer upstream;
    private LoopLocalClients clients;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        upstream = vertx.createHttpServer().requestHandler(request -> request.response()
                .end(String.valueOf(request.remoteAddress().port())))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        clients = new LoopLocalClients(vertx, new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(upstream.actualPort()).setKeepAlive(true).setMaxPoolSize(4));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** What a call made on one event loop saw: the client it used, and the threads that sent it and got the answer. */
    private record Call(HttpClient client, Thread sentOn, Thread answeredOn, String connectionPort) {
    }

    private Call callOn(Context context) throws Exception {
        CompletableFuture<Call> call = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            HttpClient client = clients.current();
            Thread sentOn = Thread.currentThread();
            client.request(HttpMethod.GET, "/").compose(request -> request.send())
                    .compose(HttpClientResponse::body)
                    .onSuccess(body -> call.complete(new Call(client, sentOn, Thread.currentThread(), body.toString())))
                    .onFailure(call::completeExceptionally);
        });
        return call.get(5, TimeUnit.SECONDS);
    }

    /** A verticle's context: Vert.x gives each new verticle the next event loop. */
    private Context eventLoopContext() throws Exception {
        CompletableFuture<Context> started = new CompletableFuture<>();
        vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start() {
                started.complete(context);
            }
        });
        return started.get(5, TimeUnit.SECONDS);
    }

    @Test
    void callsFromEachEventLoopUseThatLoopsOwnConnectionsEvenWhenTheOtherLoopsConnectionIsIdle() throws Exception {
        Context first = eventLoopContext();
        Context second = eventLoopContext();

        // alternate, so that connections opened by one loop are idle in the pool when the other loop asks
        Call a1 = callOn(first);
        Call b1 = callOn(second);
        Call a2 = callOn(first);
        Call b2 = callOn(second);

        assertNotSame(a1.sentOn(), b1.sentOn(), "the two contexts run on different event loops");
        assertSame(a1.client(), a2.client());
        assertSame(b1.client(), b2.client());
        assertNotSame(a1.client(), b1.client());
        // the upstream sees the client's port: one kept-alive connection per loop, never lent to the other loop
        assertEquals(a1.connectionPort(), a2.connectionPort());
        assertEquals(b1.connectionPort(), b2.connectionPort());
        assertNotEquals(a1.connectionPort(), b1.connectionPort());
        for (Call call : new Call[] {a1, b1, a2, b2}) {
            assertSame(call.sentOn(), call.answeredOn());
        }
    }

    @Test
    void callersOffTheEventLoopsShareOneClient() {
        assertSame(clients.current(), clients.current());
    }
}
