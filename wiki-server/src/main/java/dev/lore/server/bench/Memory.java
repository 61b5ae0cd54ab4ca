package dev.lore.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap used after a full GC (MemoryMXBean) and the process's resident set (VmRSS), in MiB. */
record Memory(long heapUsedMiB, long heapMaxMiB, long rssMiB) {
    static Memory now() {
        var bean = ManagementFactory.getMemoryMXBean();
        bean.gc();
        var heap = bean.getHeapMemoryUsage();
        return new Memory(heap.getUsed() >> 20, heap.getMax() >> 20, rssKiB() >> 10);
    }

    /** VmRSS from /proc/self/status; -1 where there is no /proc (not Linux). */
    private static long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
