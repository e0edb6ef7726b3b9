package io.openlearn.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * The caller's request body on its way upstream, counted against the route's limit, and the reason if it ended
 * early. A body without Content-Length (chunked) is only known to be too large while it streams: at the limit it
 * fails the pipe instead of passing more on, and the rest is read and dropped so the caller can still read the 413.
 * Knowing why the upstream call failed matters to the breaker: a caller's oversized body or hang-up says nothing
 * about the service.
 */
final class CallerBody implements ReadStream<Buffer> {

    /** Why the body did not reach the upstream whole. */
    enum Cut { TOO_LARGE, CALLER_GONE }

    /** Fails the pipe at the limit; never shown to the caller. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the route's limit", null, false, false);
        }
    }

    private final HttpServerRequest request;
    private final long limit;
    private long received;
    private Cut cut;
    private Handler<Buffer> handler;
    private Handler<Throwable> exceptionHandler;

    CallerBody(HttpServerRequest request, long limit) {
        this.request = request;
        this.limit = limit;
    }

    /** Null while the body is whole (or still streaming). */
    Cut cut() {
        return cut;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (cut != null) {
            // the rest of a refused body is being dropped; the pipe taking its handler back changes nothing
            return this;
        }
        this.handler = handler;
        request.handler(handler == null ? null : this::received);
        return this;
    }

    private void received(Buffer chunk) {
        received += chunk.length();
        if (received <= limit) {
            handler.handle(chunk);
            return;
        }
        cut = Cut.TOO_LARGE;
        request.handler(dropped -> {});
        request.resume();
        if (exceptionHandler != null) {
            exceptionHandler.handle(new TooLarge());
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        request.exceptionHandler(handler == null ? null : failure -> {
            if (cut == null) {
                // the caller's side failed before its body was whole: it hung up or broke the framing
                cut = Cut.CALLER_GONE;
            }
            handler.handle(failure);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (cut == null) {
            request.pause();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        request.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        request.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (cut == null) {
            request.endHandler(endHandler);
        }
        return this;
    }
}
