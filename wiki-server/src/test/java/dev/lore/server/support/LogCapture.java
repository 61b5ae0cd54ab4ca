package dev.lore.server.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Collects every log event of the running JVM (through Logback's root logger) while open, so a
 * test can assert what a request logged. {@link #await} waits for a matching event, with a long
 * timeout only as a safety net.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    public static LogCapture open() {
        var capture = new LogCapture();
        capture.setContext(capture.root.getLoggerContext());
        capture.start();
        capture.root.addAppender(capture);
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
        notifyAll();
    }

    /** The events logged so far with this request id in their logging context. */
    public List<ILoggingEvent> forRequest(String requestId) {
        return events.stream()
                .filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId")))
                .toList();
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** Waits until an event matching {@code match} was logged; fails after {@code safetyNet}. */
    public synchronized ILoggingEvent await(Predicate<ILoggingEvent> match, Duration safetyNet)
            throws InterruptedException {
        long deadline = System.nanoTime() + safetyNet.toNanos();
        while (true) {
            for (ILoggingEvent e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching log event within " + safetyNet + "; got "
                        + events.stream()
                                .map(ILoggingEvent::getFormattedMessage)
                                .toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
