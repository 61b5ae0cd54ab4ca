package dev.lore.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs {@code n} tasks on {@code n} threads released together, and waits for all of them: for
 * tests that check what concurrent writers were told. Nothing here waits for time to pass.
 */
public final class AllAtOnce {
    private AllAtOnce() {}

    /** The results of {@code task(0)} ... {@code task(n - 1)}, in that order; a task's failure is thrown. */
    public static <T> List<T> run(int n, IntFunction<Callable<T>> task) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(
                n, Thread.ofPlatform().name("all-at-once-", 0).factory())) {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < n; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
            return results;
        }
    }
}
