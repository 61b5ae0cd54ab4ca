package dev.lore.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code lore} subcommand ({@code graph}, {@code serve}) in a JVM of its own, started with this
 * JVM's class path and module flags: one tier of a several-server deployment, so the benchmark can
 * read each tier's CPU time from the operating system. Its output is collected on a named thread;
 * {@link #await} returns a line it printed (the address it listens on).
 */
final class LoreProcess implements AutoCloseable {
    /** Clock ticks per second of {@code /proc/<pid>/stat}'s times ({@code getconf CLK_TCK}, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private LoreProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread.ofPlatform().name("bench-output-" + name).daemon(true).start(this::collect);
    }

    static LoreProcess start(String name, Map<String, String> env, String heap, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-") || flag.startsWith("--enable-") || flag.startsWith("-XX:+Ignore")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "dev.lore.server.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new LoreProcess(name, builder.start());
    }

    private void collect() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended: so does its output
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** The first line matching {@code pattern}, as it arrives; fails when the process ends first or after {@code patience}. */
    synchronized Matcher await(Pattern pattern, Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        for (int i = 0; ; ) {
            while (i < lines.size()) {
                Matcher m = pattern.matcher(lines.get(i++));
                if (m.find()) {
                    return m;
                }
            }
            long left = end - System.nanoTime();
            if (ended || left <= 0) {
                throw new IllegalStateException(name + " never printed /" + pattern + "/; its output:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** CPU time (user and system) the process used so far, from {@code /proc/<pid>/stat}. */
    Duration cpu() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // after the command name in parentheses: state is field 3, utime 14 and stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of " + name + " (Linux only): " + e, e);
        }
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the process closes its stores
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }
}
