package dev.lore.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs in Jetty before Javalin sees a request. It gives every request an id (a sane incoming
 * {@code X-Request-Id}, else a new one), puts it in the logging context for every line the request
 * logs and in the {@code X-Request-Id} answer header. And it bounds what a slow client can hold: a
 * request sending a body takes one of {@code maxUploads} slots until the body has arrived (a
 * request past the limit gets a 503 at once, before any thread waits on its body), and a body
 * still arriving {@code bodyTimeout} after the request started fails with a {@link
 * TimeoutException}, which {@link ErrorMapping} answers with a 408. A body that stops altogether
 * is ended by the connector's idle timeout. Thread-safe.
 */
final class RequestGuard extends Handler.Wrapper {
    static final String REQUEST_ID = "requestId";
    static final String HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Semaphore slots;
    private final int maxUploads;
    private final long bodyTimeoutNanos;
    private final AtomicLong rejected = new AtomicLong();

    RequestGuard(int maxUploads, Duration bodyTimeout) {
        this.maxUploads = maxUploads;
        this.slots = new Semaphore(maxUploads);
        this.bodyTimeoutNanos = bodyTimeout.toNanos();
    }

    /** Requests now sending a body. */
    int uploading() {
        return maxUploads - slots.availablePermits();
    }

    /** Requests turned away because every slot was taken, since start. */
    long rejected() {
        return rejected.get();
    }

    /** The id of the request this thread is handling, if any. */
    static java.util.Optional<String> currentId() {
        return java.util.Optional.ofNullable(MDC.get(REQUEST_ID));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = idFor(request.getHeaders().get(HEADER));
        response.getHeaders().put(HEADER, id);
        MDC.put(REQUEST_ID, id);
        try {
            if (!hasBody(request)) {
                return super.handle(request, response, callback);
            }
            if (!slots.tryAcquire()) {
                rejected.incrementAndGet();
                LOG.warn(
                        "{} {}: turned away, {} requests are already sending a body",
                        request.getMethod(),
                        request.getHttpURI().getPath(),
                        maxUploads);
                busy(response, callback, id);
                return true;
            }
            var guarded = new BodyDeadline(request);
            boolean handled = false;
            try {
                handled = super.handle(guarded, response, new Callback.Nested(callback) {
                    @Override
                    public void completed() {
                        guarded.release();
                    }
                });
                return handled;
            } finally {
                if (!handled) {
                    guarded.release();
                }
            }
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    static String idFor(String incoming) {
        if (incoming != null && SANE_ID.matcher(incoming).matches()) {
            return incoming;
        }
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    private static boolean hasBody(Request request) {
        return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private static void busy(Response response, Callback callback, String id) {
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        String json = "{\"error\":\"busy\",\"detail\":\"too many uploads are in progress; try again in a few seconds\","
                + "\"requestId\":\"" + id + "\"}";
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** A request whose body must arrive by a deadline; gives back its slot once, when the body is in. */
    private final class BodyDeadline extends Request.Wrapper {
        private final long started = NanoTime.now();
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile Content.Chunk late;

        BodyDeadline(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (late != null) {
                return late;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null) {
                return null;
            }
            if (chunk.isLast() || Content.Chunk.isFailure(chunk)) {
                release();
                return chunk;
            }
            if (NanoTime.since(started) >= bodyTimeoutNanos) {
                chunk.release();
                release();
                late = Content.Chunk.from(new TimeoutException("the request body did not arrive within "
                        + Duration.ofNanos(bodyTimeoutNanos).toMillis() + " ms"));
                return late;
            }
            return chunk;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
