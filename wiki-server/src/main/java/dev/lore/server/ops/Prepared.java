package dev.lore.server.ops;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A value that is costly to make and not needed at once (a reference password hash, a file type
 * detector that parses its tables): made on its own named thread from the moment it is asked for,
 * so a start does not wait for it, and handed out when first needed (waiting for it then, if it is
 * not ready yet). A failure is thrown again on every {@link #get}. Thread-safe.
 */
public final class Prepared<T> implements Supplier<T> {
    private final FutureTask<T> task;

    private Prepared(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /** Starts making the value on a daemon thread named {@code threadName}. */
    public static <T> Prepared<T> inBackground(String threadName, Callable<T> work) {
        var prepared = new Prepared<>(work);
        Thread.ofPlatform().name(threadName).daemon(true).start(prepared.task);
        return prepared;
    }

    /**
     * Waits until making the value has ended, through interrupts (the thread's flag is set again
     * afterwards): the value, or empty when making it failed. For closing what was made after a
     * failure elsewhere.
     */
    public java.util.Optional<T> awaitQuietly() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return java.util.Optional.of(task.get());
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    return java.util.Optional.empty();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public T get() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a value being prepared", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }
}
