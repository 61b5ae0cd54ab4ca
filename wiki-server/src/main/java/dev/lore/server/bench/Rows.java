package dev.lore.server.bench;

import dev.lore.server.bench.SearchBenchmark.Latency;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of request latencies against their yardsticks: one row per measurement, Lore's p50 and
 * p99 beside the yardstick's, the ratios, and the target the row is held to.
 */
final class Rows {
    private final List<String> rows = new ArrayList<>();

    /** Two yardsticks run one after the other in a request: their p50s and p99s add up. */
    static Latency plus(Latency a, Latency b) {
        return new Latency(a.p50Millis() + b.p50Millis(), a.p99Millis() + b.p99Millis(), 0);
    }

    void add(String what, int clients, Latency lore, String yardstick, Latency plain, String target) {
        rows.add(String.format(
                "| %s | %d | %.2f | %.2f | %.0f | %s | %.2f | %.2f | %.1fx | %.1fx | %s |",
                what,
                clients,
                lore.p50Millis(),
                lore.p99Millis(),
                lore.perSecond(),
                yardstick,
                plain.p50Millis(),
                plain.p99Millis(),
                lore.p50Millis() / plain.p50Millis(),
                lore.p99Millis() / plain.p99Millis(),
                target));
    }

    void print(PrintStream out) {
        out.printf(
                "%n| request | clients | Lore p50 (ms) | Lore p99 (ms) | Lore req/s | yardstick | yardstick p50 (ms) | yardstick p99 (ms) | p50 ratio | p99 ratio | target |%n");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(out::println);
    }
}
