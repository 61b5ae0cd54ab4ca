package dev.lore.server;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How long each part of opening Lore took, for the one line a start logs ("Started in 9,120 ms:
 * JVM 610, database 4,210, ..."), so an operator sees where a slow start spends its time. Parts that
 * ran beside another (the search index opens while the database starts) are marked so.
 */
final class StartPhases {
    private final long began = System.nanoTime();
    private final List<String> parts = new ArrayList<>();
    private long last = began;

    /** Closes the part that ran since the previous mark (or since this object was made). */
    synchronized void mark(String name) {
        long now = System.nanoTime();
        parts.add(name + " " + (now - last) / 1_000_000);
        last = now;
    }

    /** Records a part that ran on another thread beside the others, by its own duration. */
    synchronized void beside(String name, long nanos) {
        parts.add(name + " " + nanos / 1_000_000 + " (alongside)");
    }

    /** Milliseconds since the JVM began, when the platform tells; otherwise since this object was made. */
    long sinceJvmStart() {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        return uptime > 0 ? uptime : (System.nanoTime() - began) / 1_000_000;
    }

    /** The JVM's own start before Lore's code ran, in milliseconds. */
    long jvmBeforeLore() {
        long uptimeNow = ManagementFactory.getRuntimeMXBean().getUptime();
        return Math.max(0, uptimeNow - (System.nanoTime() - began) / 1_000_000);
    }

    synchronized String summary() {
        return "JVM " + jvmBeforeLore() + ", " + parts.stream().collect(Collectors.joining(", "));
    }
}
