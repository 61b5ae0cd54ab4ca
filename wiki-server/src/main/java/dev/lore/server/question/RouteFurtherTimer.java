package dev.lore.server.question;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link QuestionService#routeFurther} every few minutes on a thread of its own, so a
 * question asked of one person who does not answer reaches the next experts. A failed round is
 * logged and the next one tries again.
 */
public final class RouteFurtherTimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteFurtherTimer.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lore-route-further").daemon().unstarted(r));

    public RouteFurtherTimer(QuestionService questions, long periodSeconds) {
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        int routed = questions.routeFurther();
                        if (routed > 0) {
                            LOG.info("Routed {} unanswered questions to more experts", routed);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Could not route unanswered questions further: {}", e.toString());
                    }
                },
                periodSeconds,
                periodSeconds,
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
