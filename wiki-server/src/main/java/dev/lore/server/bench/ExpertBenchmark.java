package dev.lore.server.bench;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The expertise benchmark: a synthetic organisation (people in teams, Zipf-popular skills declared
 * at levels, endorsements, wishes to learn, articles about skills written mostly by people who have
 * them, some edited by a second person), then {@code /api/experts} and {@code /api/people/{id}/
 * learn-from} over HTTP at 1 and 8 concurrent clients. Prints one table. Not a test.
 */
public final class ExpertBenchmark {
    /** Requests of each kind per warm-up round, on topics and learners that are not measured. */
    private static final int WARM_UP = 2_000;
    /** Concurrent clients of each measured level. */
    private static final int[] LEVELS = {1, 8};
    /** Warm-up rounds. */
    private static final int WARM_UP_ROUNDS = 8;

    private ExpertBenchmark() {}

    public static void run(int people, int skills, int articles, int requests, Config base, PrintStream out)
            throws Exception {
        run(people, skills, articles, requests, base, out, Optional.empty());
    }

    /**
     * As {@link #run(int, int, int, int, Config, PrintStream)}; with a {@code dataDir}, the
     * organisation is written there once and kept, and a later run with the same sizes measures it
     * again without rebuilding it (a quiet machine can then re-measure in minutes).
     */
    public static void run(
            int people, int skills, int articles, int requests, Config base, PrintStream out, Optional<Path> dataDir)
            throws Exception {
        Path scratch = dataDir.orElseGet(() -> dev.lore.server.Scratch.create("lore-bench-experts-"));
        Path marker = scratch.resolve("bench-experts.done");
        String sizes = people + " " + skills + " " + articles;
        boolean reuse = java.nio.file.Files.isRegularFile(marker)
                && java.nio.file.Files.readString(marker).strip().equals(sizes);
        if (dataDir.isPresent() && !reuse && java.nio.file.Files.isDirectory(scratch.resolve("lore"))) {
            throw new IllegalStateException(scratch + " holds another benchmark's data (" + marker.getFileName()
                    + " does not say " + sizes + "); give an empty or new folder");
        }
        var random = new Random(42);
        var corpus = new SyntheticCorpus(20_000, 1.07, 7);
        var skillNames = new ArrayList<String>();
        for (int i = 0; i < skills; i++) {
            skillNames.add("skill " + corpus.queryWord(random) + " " + i);
        }
        Zipf skillPick = new Zipf(skills, 1.0);
        Config config =
                base.withDataDir(scratch.resolve("lore")).withSeed(false).withPort(0);
        try (Lore lore = Lore.open(config)) {
            if (reuse) {
                out.printf("reusing the organisation in %s%n", scratch);
            } else {
                ExpertOrganisation.generate(lore, people, articles, skillNames, skillPick, corpus, random, out);
                java.nio.file.Files.writeString(marker, sizes);
            }
            measure(lore, requests, skillNames, skillPick, corpus, people, skills, articles, out);
        }
    }

    /**
     * Times the calls after only the first few of them, in turn. Not {@link SearchBenchmark#measure(int,
     * int, List, Consumer)}'s untimed pass over the same calls: the experts for a topic, and the
     * people and evidence advice is built from, are remembered, so that pass would leave the timed
     * one reading what was remembered. The server is warmed on other topics and learners instead.
     */
    private static SearchBenchmark.Latency timed(int clients, int requests, List<String> calls, Consumer<String> call)
            throws Exception {
        var firstFew = calls.subList(0, Math.min(50, Math.min(requests, calls.size())));
        return SearchBenchmark.measure(clients, requests, firstFew, calls, call);
    }

    private static void measure(
            Lore lore,
            int requests,
            List<String> skillNames,
            Zipf skillPick,
            SyntheticCorpus corpus,
            int people,
            int skills,
            int articles,
            PrintStream out)
            throws Exception {
        {
            var random = new Random(4242); // the same topics and learners whether generated now or reused
            var web = lore.serve();
            var http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String root = "http://localhost:" + web.port();
            String token = login(http, root);
            Consumer<String> askExperts = topic -> get(
                    http,
                    root + "/api/experts?limit=10&topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8),
                    token);
            Consumer<String> askLearnFrom = id -> get(http, root + "/api/people/" + id + "/learn-from", token);
            // each level asks its own topics and learners (drawn alike): a level that repeated the
            // previous one's would find the graph reads they need already remembered
            var topics = new HashMap<Integer, List<String>>();
            var learners = new HashMap<Integer, List<String>>();
            for (int clients : LEVELS) {
                var levelTopics = new ArrayList<String>();
                var levelLearners = new ArrayList<String>();
                for (int i = 0; i < requests; i++) {
                    levelTopics.add(
                            switch (i % 3) {
                                case 0 -> skillNames.get(skillPick.next(random)); // a skill by name
                                case 1 -> corpus.queryWord(random) + " " + corpus.queryWord(random); // free text
                                default -> skillNames.get(skillPick.next(random)) + " " + corpus.queryWord(random);
                            });
                    levelLearners.add("p" + random.nextInt(people));
                }
                topics.put(clients, levelTopics);
                learners.put(clients, levelLearners);
            }
            // Warm-up on other topics and learners, so the measured ones find nothing kept that a
            // server running for a while would not have; in rounds, until the JIT has compiled
            // the request paths (Lore, the driver, Bolt, Cypher): code run once per request is
            // compiled by C2 only after thousands of requests, and the CPU a request costs fell
            // from ~19 ms in the first round to ~4 ms by the eighth (Cypher's runtime settles
            // last). Each round's rate is printed, so the curve can be seen flattening.
            var warmRandom = new Random(7);
            var warmTopics = new ArrayList<String>();
            var warmLearners = new ArrayList<String>();
            for (int i = 0; i < WARM_UP; i++) {
                warmTopics.add(corpus.queryWord(warmRandom) + " " + skillNames.get(skillPick.next(warmRandom)));
                warmLearners.add("p" + warmRandom.nextInt(people));
            }
            long warmStart = System.nanoTime();
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                var experts = timed(8, WARM_UP, warmTopics, askExperts);
                var learn = timed(8, WARM_UP, warmLearners, askLearnFrom);
                out.printf(
                        "warm-up round %d of %d: %d requests of each kind at 8 clients, experts %.0f/s, learn-from %.0f/s%n",
                        round, WARM_UP_ROUNDS, WARM_UP, experts.perSecond(), learn.perSecond());
            }
            out.printf("warm-up on other topics and learners: %.0f s%n", (System.nanoTime() - warmStart) / 1e9);
            var rows = new ArrayList<String>();
            for (int clients : LEVELS) {
                var experts = timed(clients, requests, topics.get(clients), askExperts);
                var learn = timed(clients, requests, learners.get(clients), askLearnFrom);
                rows.add(String.format(
                        "| %d | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f |",
                        clients,
                        experts.p50Millis(),
                        experts.p99Millis(),
                        experts.perSecond(),
                        learn.p50Millis(),
                        learn.p99Millis(),
                        learn.perSecond()));
            }
            out.printf(
                    "%n%d people, %d skills, %d articles%n%n| clients | experts p50 (ms) | p99 (ms) | req/s | learn-from p50 (ms) | p99 (ms) | req/s |%n|---|---|---|---|---|---|---|%n",
                    people, skills, articles);
            rows.forEach(out::println);
        }
    }

    private static String login(HttpClient http, String root) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(root + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"bench.champion\",\"password\":\"" + ExpertOrganisation.PASSWORD + "\"}"))
                .build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        var matcher = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("benchmark login failed: " + body);
        }
        return matcher.group(1);
    }

    private static void get(HttpClient http, String url, String token) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
