package io.openlearn.gateway.proxy;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One upstream's HTTP clients, one per event loop. Vert.x hands a pooled connection to whichever caller asks, so
 * with one shared client a request read on one event loop was written and answered on another: two thread hops,
 * each a queue hand-off and a wake-up, per proxied request. A client used from one event loop only creates its
 * connections on that loop, so the caller's request, the upstream call and the relayed answer stay on one thread,
 * as in nginx's workers. Callers off the event loops (none on the hot path) share one more client.
 */
final class LoopLocalClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final Map<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();
    private final HttpClient offLoop;

    LoopLocalClients(Vertx vertx, HttpClientOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.offLoop = vertx.createHttpClient(options);
    }

    /** The client of the calling event loop (made on first use), or the shared one off the event loops. */
    HttpClient current() {
        if (!Context.isOnEventLoopThread()) {
            return offLoop;
        }
        return byLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options));
    }
}
