package dev.lore.server.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code lore} command in a JVM of its own (the test JVM's class path and module flags), with its
 * output collected line by line on a named thread, so a test can await a line it prints (the port
 * it listens on) instead of guessing or sleeping.
 */
final class Child implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private Child(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread.ofPlatform().name("child-output-" + name).daemon(true).start(this::collect);
    }

    static Child start(String name, Map<String, String> env, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-") || flag.startsWith("--enable-") || flag.startsWith("--sun-")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.add("dev.lore.server.Main");
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new Child(name, builder.start());
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
            // the process was killed: its output simply ends
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /**
     * The first match of {@code pattern} in a line printed after the first {@code skip} lines,
     * awaited as the lines arrive; fails if the process ends first, or (a safety net) after {@code
     * deadline}.
     */
    synchronized Matcher await(Pattern pattern, int skip, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        for (int i = skip; ; ) {
            while (i < lines.size()) {
                Matcher m = pattern.matcher(lines.get(i++));
                if (m.find()) {
                    return m;
                }
            }
            long left = end - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError(name + " never printed /" + pattern + "/; its output:\n" + output());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized int lineCount() {
        return lines.size();
    }

    synchronized String output() {
        return String.join("\n", lines);
    }

    Process process() {
        return process;
    }

    /** Kills the process at once, as a crash or a power cut would (no shutdown hook runs). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the process as an operator would (SIGTERM: shutdown hooks run) and waits for it. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
