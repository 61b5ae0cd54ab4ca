package dev.lore.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The start benchmark: starts {@code lore serve} as a separate process (the same java, flags and
 * jar as this one) on a fresh data directory with the seed pack, then again on the same directory
 * (a restart), and prints the time and CPU to healthy and to ready, and the first and warm views of
 * the home page, an article and a profile after the restart. The yardstick, measured in the same
 * run: a bare Javalin server started the same way, time to its first answer. Not a test: it asserts
 * nothing.
 */
public final class StartBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "bench-start-admin-1";
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    private StartBenchmark() {}

    /** A started process and when it began. */
    private record Started(Process process, URI base, long began) {}

    /** Time and CPU to healthy and ready of one start. */
    private record Start(String name, double toHealth, double cpuToHealth, double toReady) {}

    public static void run(int warmViews, PrintStream out) throws Exception {
        Path scratch = dev.lore.server.Scratch.create("lore-bench-start-");
        var http = client();

        // yardstick: the JVM and a bare Javalin answering, from the same class path
        var hello = startHello();
        double helloSeconds = awaitStatus(http, hello, "/", 200);
        double helloCpu = cpuSeconds(hello.process());
        stop(hello.process());
        out.printf("Bare Javalin server: first answer after %.2f s (%.2f s CPU)%n", helloSeconds, helloCpu);

        Path data = scratch.resolve("data");
        var first = startLore(data);
        double firstHealth = awaitStatus(http, first, "/api/health", 200);
        double firstCpu = cpuSeconds(first.process());
        double firstReady = awaitStatus(http, first, "/api/ready", 200);
        login(http, first.base());
        String slug = json(http, first.base(), "/api/articles?limit=1")
                .path("articles")
                .get(0)
                .path("slug")
                .asText();
        String person = firstPerson(json(http, first.base(), "/api/people"));
        stop(first.process());
        out.printf(
                "First start: healthy after %.2f s (%.2f s CPU), ready (seed pack loaded) after %.2f s%n",
                firstHealth, firstCpu, firstReady);

        var browser = client(); // a new browser: no session from before the restart
        var again = startLore(data);
        double againHealth = awaitStatus(browser, again, "/api/health", 200);
        double againCpu = cpuSeconds(again.process());
        double againReady = awaitStatus(browser, again, "/api/ready", 200);
        var restart = new Start("restart", againHealth, againCpu, againReady);
        var pages = List.of("/", "/wiki/" + slug, "/people/" + person);
        var firstViews = new ArrayList<Double>();
        var warm = new ArrayList<double[]>();
        double signIn = timed(() -> login(browser, again.base()));
        for (String page : pages) {
            firstViews.add(timed(() -> get(browser, again.base(), page)));
        }
        for (String page : pages) {
            double[] times = new double[warmViews];
            for (int i = 0; i < warmViews; i++) {
                times[i] = timed(() -> get(browser, again.base(), page));
            }
            Arrays.sort(times);
            warm.add(times);
        }
        stop(again.process());

        out.printf(
                "%n| start | healthy (s) | CPU to healthy (s) | ready (s) | bare Javalin (s) | healthy / bare |%n"
                        + "|---|---|---|---|---|---|%n"
                        + "| first, fresh data directory | %.2f | %.2f | %.2f | %.2f | %.1fx |%n"
                        + "| %s | %.2f | %.2f | %.2f | %.2f | %.1fx |%n",
                firstHealth,
                firstCpu,
                firstReady,
                helloSeconds,
                firstHealth / helloSeconds,
                restart.name(),
                restart.toHealth(),
                restart.cpuToHealth(),
                restart.toReady(),
                helloSeconds,
                restart.toHealth() / helloSeconds);
        out.printf(
                "%nAfter the restart (sign-in took %.0f ms):%n%n| page | first view (ms) | warm p50 (ms) | warm p99 (ms) |%n"
                        + "|---|---|---|---|%n",
                signIn * 1000);
        for (int i = 0; i < pages.size(); i++) {
            double[] t = warm.get(i);
            out.printf(
                    "| %s | %.0f | %.1f | %.1f |%n",
                    pages.get(i),
                    firstViews.get(i) * 1000,
                    t[t.length / 2] * 1000,
                    t[Math.min(t.length - 1, (int) Math.ceil(t.length * 0.99) - 1)] * 1000);
        }
        dev.lore.server.Scratch.delete(scratch);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static String firstPerson(JsonNode people) {
        for (JsonNode p : people.path("people")) {
            if (!p.path("id").asText().equals("admin")) {
                return p.path("id").asText();
            }
        }
        return "admin";
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double timed(Step step) throws Exception {
        long t = System.nanoTime();
        step.run();
        return (System.nanoTime() - t) / 1e9;
    }

    private static Started startHello() throws IOException {
        int port = freePort();
        var command = new ArrayList<>(javaCommand());
        command.addAll(List.of("-cp", classPath(), HelloServer.class.getName(), String.valueOf(port)));
        return new Started(launch(command, Map.of()), URI.create("http://127.0.0.1:" + port), System.nanoTime());
    }

    private static Started startLore(Path data) throws IOException {
        int port = freePort();
        var command = new ArrayList<>(javaCommand());
        command.addAll(List.of("-cp", classPath(), "dev.lore.server.Main", "serve"));
        var env = Map.of(
                "LORE_DATA_DIR", data.toString(),
                "LORE_PORT", String.valueOf(port),
                "LORE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new Started(launch(command, env), URI.create("http://127.0.0.1:" + port), System.nanoTime());
    }

    private static Process launch(List<String> command, Map<String, String> env) throws IOException {
        var builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        // a benchmark that fails half-way exits; its servers must not outlive it
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("bench-start-stop").unstarted(process::destroy));
        return process;
    }

    /** This JVM's java and flags (the benchmark runs with the flags a server runs with). */
    private static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>();
        command.add(java);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-Xmx") && !arg.startsWith("-XX:AOT") && !arg.startsWith("-agentlib")) {
                command.add(arg);
            }
        }
        return command;
    }

    private static String classPath() {
        return System.getProperty("java.class.path")
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }

    /** Seconds from the process's start until {@code path} answers {@code status}. */
    private static double awaitStatus(HttpClient http, Started s, String path, int status) throws Exception {
        long deadline = s.began() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!s.process().isAlive()) {
                throw new IllegalStateException(
                        "the server exited with status " + s.process().exitValue());
            }
            try {
                var r = http.send(
                        HttpRequest.newBuilder(s.base().resolve(path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == status) {
                    return (System.nanoTime() - s.began()) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10); // a benchmark's poll interval, not a test's wait
        }
        throw new IllegalStateException(s.base() + path + " did not answer " + status + " within " + PATIENCE);
    }

    private static double cpuSeconds(Process p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        p.waitFor();
    }

    private static void login(HttpClient http, URI base) throws Exception {
        var body = JSON.writeValueAsString(Map.of("username", "admin", "password", ADMIN_PASSWORD));
        var r = http.send(
                HttpRequest.newBuilder(base.resolve("/api/login"))
                        .header("Content-Type", "application/json")
                        .header("Origin", base.toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.body());
        }
    }

    private static void get(HttpClient http, URI base, String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
    }

    private static JsonNode json(HttpClient http, URI base, String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The yardstick: a bare Javalin server with one route, started as its own JVM. */
    public static final class HelloServer {
        private HelloServer() {}

        public static void main(String[] args) {
            io.javalin.Javalin.create(c -> c.routes.get("/", ctx -> ctx.json(Map.of("ok", true))))
                    .start("127.0.0.1", Integer.parseInt(args[0]));
        }
    }
}
