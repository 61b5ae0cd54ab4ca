package dev.lore.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lore.graph.backup.PropertyValues;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.LoreAccess;
import dev.lore.server.OpenGraph;
import dev.lore.server.auth.Passwords;
import dev.lore.server.auth.Role;
import dev.lore.server.seed.Progress;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken from a busy, running Lore while another thread keeps writing restores into a new
 * data directory where a second Lore answers every API question as the first did at the backup's
 * change sequence.
 */
@ExtendWith(TestLore.class)
class BackupIT {
    private static final String CHURN_TEXT = "Churn text %04d with constant length.";

    @TempDir
    Path temp;

    private TestLore.Running source;
    private Http http;
    private String admin;
    private String ana;
    private String anaApiToken;
    private String ben;
    private String carla;
    private String wendy;

    private Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
        return r;
    }

    private String create(
            String title, String markdown, List<String> tags, List<String> skills, String owner, String token) {
        var body = new LinkedHashMap<String, Object>();
        body.put("title", title);
        body.put("markdown", markdown);
        body.put("tags", tags);
        body.put("skills", skills);
        body.put("owner", owner);
        return ok(http.post("/api/articles", body, token)).json().get("slug").asText();
    }

    private void edit(String slug, int base, String markdown, String message, String token) {
        ok(http.put(
                "/api/articles/" + slug,
                Map.of("markdown", markdown, "baseRevision", base, "message", message),
                token));
    }

    private Map<String, String> busyStore() {
        http = source.http();
        admin = http.login("admin", TestLore.PASSWORD);
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        ok(http.post(
                "/api/people",
                Map.of(
                        "id",
                        "ana.silva",
                        "name",
                        "Ana Silva",
                        "email",
                        "ana@example.test",
                        "team",
                        "Streaming",
                        "title",
                        "Engineer",
                        "role",
                        "contributor",
                        "password",
                        "ana-secret-1"),
                admin));
        ok(http.post(
                "/api/people",
                Map.of(
                        "id",
                        "ben.okoro",
                        "name",
                        "Ben Okoro",
                        "team",
                        "Platform",
                        "role",
                        "champion",
                        "password",
                        "ben-secret-1"),
                admin));
        ok(http.post(
                "/api/people",
                Map.of("id", "wendy.writer", "name", "Wendy Writer", "role", "contributor", "password", "wendy-secret"),
                admin));
        ana = http.login("ana.silva", "ana-secret-1");
        ben = http.login("ben.okoro", "ben-secret-1");
        wendy = http.login("wendy.writer", "wendy-secret");
        anaApiToken =
                ok(http.post("/api/tokens", Map.of(), ana)).json().get("token").asText();

        String kafka = create(
                "Kafka consumer groups",
                "# Groups\n\nConsumers share partitions.\n",
                List.of("streaming"),
                List.of("Kafka"),
                "ana.silva",
                ana);
        edit(kafka, 1, "# Groups\n\nConsumers share partitions.\n\nRebalancing moves them.\n", "Rebalancing", ana);
        edit(
                kafka,
                2,
                "# Groups\n\nConsumers share partitions.\n\nRebalancing moves them.\n\nSee [[Kafka topics]].\n",
                "Link topics",
                carla);
        String topics = create(
                "Kafka topics",
                "Topics hold partitions.\r\nWindows line ends stay.\r\n",
                List.of(),
                List.of("Kafka"),
                "ben.okoro",
                ben);
        edit(topics, 1, "Topics hold partitions and retention.\r\nWindows line ends stay.\r\n", "Retention", ana);
        String onboarding = create(
                "First week",
                "---\ntitle: First week\ntags: [onboarding]\n---\nGet a laptop.\n",
                List.of(),
                List.of(),
                "ben.okoro",
                ben);
        String spam = create("Cheap watches", "Buy watches now.", List.of(), List.of(), "carla.contrib", carla);
        String flagged = create(
                "Old VPN guide",
                "Use the old VPN client.",
                List.of("vpn"),
                List.of("Networking"),
                "carla.contrib",
                carla);
        String churn = create("Churn", CHURN_TEXT.formatted(0), List.of(), List.of(), "wendy.writer", wendy);

        ok(http.put(
                "/api/people/ana.silva/skills",
                Map.of(
                        "skills",
                        List.of(Map.of("name", "Kafka", "level", "expert"), Map.of("name", "Go", "level", "learning"))),
                ana));
        ok(http.put("/api/people/ana.silva/wants-to-learn", Map.of("skills", List.of("Rust")), ana));
        ok(http.put(
                "/api/people/ben.okoro/skills",
                Map.of("skills", List.of(Map.of("name", "Kafka", "level", "practising"))),
                ben));
        ok(http.post("/api/people/ana.silva/endorsements", Map.of("skill", "Kafka"), ben));
        ok(http.post("/api/people/ana.silva/endorsements", Map.of("skill", "Kafka"), carla));
        ok(http.put("/api/skills/Kafka", Map.of("description", "A distributed log."), ben));

        String question = ok(http.post(
                        "/api/questions",
                        Map.of(
                                "title",
                                "How do consumer groups rebalance?",
                                "markdown",
                                "Asking for the team.",
                                "skills",
                                List.of("Kafka")),
                        carla))
                .json()
                .get("id")
                .asText();
        String answer = ok(http.post(
                        "/api/questions/" + question + "/answers",
                        Map.of("markdown", "Cooperative rebalancing moves few partitions."),
                        ana))
                .json()
                .get("id")
                .asText();
        ok(http.post("/api/questions/" + question + "/answers", Map.of("markdown", "Read the docs."), ben));
        ok(http.post("/api/answers/" + answer + "/votes", Map.of(), ben));
        ok(http.post("/api/answers/" + answer + "/accept", Map.of(), carla));
        ok(http.post(
                "/api/comments", Map.of("targetKind", "answer", "targetId", answer, "markdown", "Thanks!"), carla));
        ok(http.post("/api/comments", Map.of("targetKind", "article", "targetId", kafka, "markdown", "Clear."), ben));
        ok(http.post("/api/kudos", Map.of("kind", "answer", "target", answer, "note", "Saved my day"), carla));
        ok(http.post("/api/kudos", Map.of("kind", "article", "target", kafka, "to", "ana.silva"), ben));

        String path = ok(http.post(
                        "/api/paths",
                        Map.of(
                                "title",
                                "Streaming basics",
                                "description",
                                "Start here.",
                                "level",
                                "newcomer",
                                "skill",
                                "Kafka",
                                "steps",
                                List.of(
                                        Map.of("kind", "article", "ref", kafka, "prompt", "What is a group?"),
                                        Map.of("kind", "question", "ref", question))),
                        ben))
                .json()
                .get("id")
                .asText();
        ok(http.post(
                "/api/paths/" + path + "/progress",
                Map.of("step", 1, "done", true, "reflection", "Groups share work.", "shared", true),
                ana));
        ok(http.post(
                "/api/paths/" + path + "/progress",
                Map.of("step", 2, "done", true, "reflection", "Private note."),
                carla));
        String collection = ok(http.post(
                        "/api/collections",
                        Map.of(
                                "title",
                                "Kafka essentials",
                                "description",
                                "The basics.",
                                "skill",
                                "Kafka",
                                "onHome",
                                true,
                                "articles",
                                List.of(kafka, topics)),
                        ben))
                .json()
                .get("id")
                .asText();

        ok(http.post("/api/moderation/article/" + spam + "/hide", Map.of("reason", "advertising"), ben));
        ok(http.post(
                "/api/flags",
                Map.of(
                        "targetKind",
                        "article",
                        "target",
                        flagged,
                        "reason",
                        "outdated",
                        "note",
                        "We moved to WireGuard."),
                ana));

        http.get("/api/search?q=kafka", ana);
        http.get("/api/search?q=nothing+matches+this", carla);
        source.lore().search().flush(java.time.Duration.ofSeconds(60)); // searches are logged in the background

        return Map.of(
                "kafka",
                kafka,
                "topics",
                topics,
                "onboarding",
                onboarding,
                "spam",
                spam,
                "flagged",
                flagged,
                "churn",
                churn,
                "question",
                question,
                "path",
                path,
                "collection",
                collection);
    }

    /** Edits the churn article through the API until told to stop; releases a permit after each edit. */
    private Thread writer(String slug, AtomicBoolean stop, Semaphore edits, AtomicReference<Throwable> failure) {
        return Thread.ofPlatform().name("backup-it-writer").start(() -> {
            try {
                for (int n = 1; !stop.get(); n++) {
                    edit(slug, n, CHURN_TEXT.formatted(n), "edit " + n, wendy);
                    edits.release();
                }
            } catch (Throwable t) {
                failure.set(t);
                edits.release(1_000);
            }
        });
    }

    private Config config(Path dataDir) {
        return new Config(
                0, dataDir, Optional.empty(), "", "", Optional.of(TestLore.PASSWORD), false, false, 128L << 20);
    }

    @Test
    void aBackupTakenWhileWritesGoOnRestoresToTheSameAnswers(TestLore.Running running) throws Exception {
        source = running;
        Map<String, String> ids = busyStore();
        var stop = new AtomicBoolean();
        var edits = new Semaphore(0);
        var failure = new AtomicReference<Throwable>();
        Thread writes = writer(ids.get("churn"), stop, edits, failure);

        edits.acquire(3); // writes are going on
        Path backup = temp.resolve("backup");
        BackupFormat.Header header = RemoteBackup.download(http.base(), admin, backup, Progress.NONE);
        // The writer edits one at a time, so a permit released after the drain may still belong to an edit
        // committed before the backup was taken; the edit after it began only once the download had returned.
        edits.drainPermits();
        edits.acquire(2); // so at least one edit committed after the backup was taken
        stop.set(true);
        writes.join();
        assertThat(failure.get()).isNull();
        assertThat(backup.resolve(BackupFormat.CHECKSUMS)).exists();
        // both indexes built from scratch, so search statistics (deleted documents) are alike
        source.lore().sync().rebuild();

        Path restoredDir = temp.resolve("restored");
        Restore.Restored restored = Restore.run(backup, config(restoredDir), false, Progress.NONE);
        assertThat(restored.nodes()).isEqualTo(header.nodes());
        try (Lore copy = LoreAccess.open(config(restoredDir), new Passwords(1024, 1), source.clock())) {
            copy.serve();
            Http other = Http.at(URI.create("http://localhost:" + LoreAccess.port(copy)));
            assertThat(copy.graph().read(ChangeSequence::current)).isEqualTo(header.changeSeq());

            assertSameAnswers(other, ids);
            assertChurnIsAPrefix(other, ids.get("churn"));

            assertThat(other.login("ana.silva", "ana-secret-1")).isNotBlank();
            JsonNode me = other.get("/api/me", anaApiToken).json();
            assertThat(me.get("id").asText()).isEqualTo("ana.silva");
        }
    }

    private void assertChurnIsAPrefix(Http other, String churn) {
        JsonNode before =
                other.get("/api/articles/" + churn + "/revisions").json().get("revisions");
        JsonNode after =
                http.get("/api/articles/" + churn + "/revisions").json().get("revisions");
        assertThat(before.size()).as("edits before the backup").isGreaterThanOrEqualTo(4);
        assertThat(before.size()).as("edits after the backup").isLessThan(after.size());
        for (int i = 0; i < before.size(); i++) { // newest first
            assertThat(before.get(i)).isEqualTo(after.get(after.size() - before.size() + i));
        }
        assertThat(other.get("/api/articles/" + churn).json().get("markdown").asText())
                .isEqualTo(CHURN_TEXT.formatted(before.size() - 1));
    }

    private void assertSameAnswers(Http other, Map<String, String> ids) {
        String champion = ben;
        List<String> paths = new ArrayList<>(List.of(
                "/api/health",
                "/api/search/misses",
                "/api/curation/gaps",
                "/api/moderation/queue",
                "/api/moderation/audit",
                "/api/moderation/hidden",
                "/api/curation/stale",
                "/api/questions",
                "/api/questions/" + ids.get("question"),
                "/api/paths",
                "/api/paths/" + ids.get("path"),
                "/api/paths/" + ids.get("path") + "/progress",
                "/api/collections",
                "/api/collections/" + ids.get("collection"),
                "/api/skills/kafka",
                "/api/people/ana.silva/recognition",
                "/api/people/ana.silva/asked-of-me",
                "/api/experts?topic=kafka+consumer+rebalancing",
                "/api/experts?topic=networking",
                "/api/articles/" + ids.get("kafka") + "/experts",
                "/api/articles/" + ids.get("spam"),
                "/api/search?q=kafka",
                "/api/search?q=partitions+retention",
                "/api/search?q=vpn",
                "/api/search?q=rebalancing&type=question",
                "/api/suggest?q=kaf"));
        for (String person : List.of("admin", "ana.silva", "ben.okoro", "carla.contrib", "rudi.reader")) {
            paths.add("/api/people/" + person);
            paths.add("/api/people/" + person + "/expertise");
        }
        JsonNode list = http.get("/api/articles?limit=200").json().get("articles");
        assertThat(list.size()).isEqualTo(5); // the hidden one is not listed
        for (JsonNode a : list) {
            String slug = a.get("slug").asText();
            if (slug.equals(ids.get("churn"))) {
                continue;
            }
            paths.add("/api/articles/" + slug);
            paths.add("/api/articles/" + slug + "/verification");
            JsonNode revisions =
                    http.get("/api/articles/" + slug + "/revisions").json().get("revisions");
            paths.add("/api/articles/" + slug + "/revisions");
            for (JsonNode r : revisions) {
                paths.add("/api/articles/" + slug + "/revisions/"
                        + r.get("revision").asInt());
            }
        }
        for (String path : paths) {
            for (String token : java.util.Arrays.asList(null, champion, anaApiToken)) {
                Http.Response a = http.get(path, token);
                Http.Response b = other.get(path, token);
                assertThat(b.status()).as(path).isEqualTo(a.status());
                assertThat(normalised(b, path)).as(path).isEqualTo(normalised(a, path));
            }
        }
        JsonNode people = withoutWendy(http.get("/api/people", champion).json());
        assertThat(withoutWendy(other.get("/api/people", champion).json())).isEqualTo(people);
        JsonNode articles = withoutChurn(http.get("/api/articles?limit=200").json(), ids.get("churn"));
        assertThat(withoutChurn(other.get("/api/articles?limit=200").json(), ids.get("churn")))
                .isEqualTo(articles);
    }

    /** The answer's JSON without what differs per request (a search's id) or per server (the index's position). */
    private static JsonNode normalised(Http.Response r, String path) {
        JsonNode json = r.json();
        if (json instanceof ObjectNode o) {
            o.remove("searchId");
            o.remove("requestId"); // every answer's own
            if (path.equals("/api/health")) {
                o.remove("indexedSeq"); // the source's index went on past the backup with the churn edits
            }
        }
        return json;
    }

    private static JsonNode withoutWendy(JsonNode people) {
        JsonNode copy = people.deepCopy();
        ArrayNode list = (ArrayNode) (copy.isArray() ? copy : copy.get("people"));
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).path("id").asText().equals("wendy.writer")) {
                list.remove(i);
            }
        }
        return copy;
    }

    private static JsonNode withoutChurn(JsonNode articles, String churn) {
        ObjectNode copy = articles.deepCopy();
        ArrayNode list = (ArrayNode) copy.get("articles");
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).path("slug").asText().equals(churn)) {
                list.remove(i);
            }
        }
        return copy;
    }

    @Test
    void everyPropertyTypeRoundTripsExactly(TestLore.Running running) {
        var values = new LinkedHashMap<String, Object>();
        values.put("text", "Zoë \"quoted\" \\ line\nbreak");
        values.put("integer", Long.MIN_VALUE);
        values.put("float", 0.1 + 0.2);
        values.put("notANumber", Double.NaN);
        values.put("flag", true);
        values.put("bytes", new byte[] {0, 1, -1, 127});
        values.put("date", LocalDate.of(2026, 2, 28));
        values.put("utc", ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_789, ZoneOffset.UTC));
        values.put("zoned", ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, ZoneId.of("Europe/Paris")));
        values.put("offset", ZonedDateTime.of(2026, 1, 2, 3, 4, 0, 0, ZoneOffset.ofHours(-5)));
        values.put("local", LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6));
        values.put("time", OffsetTime.of(10, 11, 12, 13, ZoneOffset.ofHoursMinutes(5, 30)));
        values.put("localTime", LocalTime.of(23, 59, 59, 999_999_999));
        values.put("strings", List.of("a", "", "c"));
        values.put(
                "datetimes",
                List.of(
                        ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        ZonedDateTime.of(2025, 6, 1, 0, 0, 0, 1, ZoneOffset.UTC)));
        values.put("numbers", List.of(1L, 2L, 3L));
        running.lore()
                .graph()
                .write(tx -> tx.run(
                                "CREATE (n:Probe:Extra {id: 'probe'}) SET n += $values"
                                        + " SET n.duration = duration({months: 14, days: 3, seconds: 5, nanoseconds: 7}),"
                                        + " n.point = point({x: 1.5, y: -2.0, z: 3.0, crs: 'cartesian-3d'})"
                                        + " CREATE (n)-[:PROBED {at: $at, weights: [0.5, 1.0E-300]}]->(:Probe {id: 'other'})",
                                Map.of("values", values, "at", values.get("zoned")))
                        .consume());
        Map<String, Object> before = probe(running.lore().graph());

        Path backup = temp.resolve("types");
        new Backups(running.lore().graph(), java.time.Clock.systemUTC()).backupTo(backup, Progress.NONE);
        Restore.run(backup, config(temp.resolve("types-restored")), false, Progress.NONE);

        try (OpenGraph restored = OpenGraph.open(config(temp.resolve("types-restored")))) {
            Map<String, Object> after = probe(restored.graph());
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((key, value) -> assertThat(after.get(key)).as(key).isEqualTo(value));
            assertThat(before.get("duration")).isEqualTo(new PropertyValues.Duration(14, 3, 5, 7));
        }
    }

    private static Map<String, Object> probe(dev.lore.graph.Graph graph) {
        return graph.read(tx -> {
            var r = tx.run("MATCH (n:Probe {id: 'probe'})-[p:PROBED]->() RETURN n, labels(n) AS labels, p")
                    .single();
            var out = new LinkedHashMap<String, Object>();
            r.get("n")
                    .asNode()
                    .keys()
                    .forEach(k ->
                            out.put(k, plainForComparison(r.get("n").asNode().get(k))));
            r.get("p")
                    .asRelationship()
                    .keys()
                    .forEach(k -> out.put(
                            "rel." + k,
                            plainForComparison(r.get("p").asRelationship().get(k))));
            out.put("labels", new java.util.TreeSet<>(r.get("labels").asList(org.neo4j.driver.Value::asString)));
            return out;
        });
    }

    private static Object plainForComparison(org.neo4j.driver.Value value) {
        Object plain = PropertyValues.plain(value);
        return plain instanceof byte[] bytes ? List.of(java.util.Arrays.toString(bytes)) : plain;
    }

    @Test
    void refusesADataDirectoryThatIsNotEmptyUnlessForced(TestLore.Running running) throws IOException {
        Path backup = temp.resolve("small");
        var made = new Backups(running.lore().graph(), java.time.Clock.systemUTC()).backupTo(backup, Progress.NONE);
        Path target = temp.resolve("busy");
        Files.createDirectories(target);
        Files.writeString(target.resolve("something.txt"), "keep me");

        assertThatThrownBy(() -> Restore.run(backup, config(target), false, Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("is not empty")
                .hasMessageContaining("--force");
        assertThat(target.resolve("neo4j")).doesNotExist();

        Restore.run(backup, config(target), true, Progress.NONE);
        var again = Restore.run(backup, config(target), true, Progress.NONE); // replaces, never doubles
        assertThat(again.nodes()).isEqualTo(made.nodes());
        try (OpenGraph restored = OpenGraph.open(config(target))) {
            assertThat(dev.lore.graph.backup.GraphLoad.count(restored.graph()).nodes())
                    .isEqualTo(made.nodes());
        }
        assertThatThrownBy(() -> Backups.requireEmptyFolder(backup)).hasMessageContaining("not empty");
    }

    @Test
    void refusesADamagedOrTruncatedBackupBeforeWritingAnything(TestLore.Running running) throws IOException {
        Path backup = temp.resolve("damaged");
        new Backups(running.lore().graph(), java.time.Clock.systemUTC()).backupTo(backup, Progress.NONE);
        Path file = backup.resolve(BackupFormat.GRAPH_FILE);
        List<String> lines = new ArrayList<>(new String(
                        new java.util.zip.GZIPInputStream(Files.newInputStream(file)).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .toList());

        lines.set(1, lines.get(1).replace("\"properties\":{", "\"properties\":{\"injected\":1,"));
        rewrite(file, lines);
        Files.delete(backup.resolve(BackupFormat.CHECKSUMS));
        assertThatThrownBy(() -> Restore.run(backup, config(temp.resolve("t1")), false, Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("checksum mismatch");

        rewrite(file, lines.subList(0, lines.size() - 1));
        assertThatThrownBy(() -> Restore.run(backup, config(temp.resolve("t2")), false, Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("incomplete");

        Files.writeString(backup.resolve(BackupFormat.CHECKSUMS), "00ff  " + BackupFormat.GRAPH_FILE + "\n");
        assertThatThrownBy(() -> Restore.run(backup, config(temp.resolve("t3")), false, Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("does not match SHA256SUMS");
        assertThat(temp.resolve("t1")).doesNotExist();
        assertThat(temp.resolve("t3")).doesNotExist();
    }

    private static void rewrite(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void onlyAdminsTakeBackupsOverHttp(TestLore.Running running) {
        Http client = running.http();
        String carlaToken = client.login("carla.contrib", TestLore.PASSWORD);
        String champion = running.person("cora.champ", "Cora Champion", "Platform", Role.CHAMPION);
        assertThat(client.post(BackupRoutes.PATH, Map.of(), null).status()).isEqualTo(401);
        assertThat(client.post(BackupRoutes.PATH, Map.of(), carlaToken).status())
                .isEqualTo(403);
        Http.Response refused = client.post(BackupRoutes.PATH, Map.of(), champion);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().has("error")).isTrue();
        assertThatThrownBy(() -> RemoteBackup.download(client.base(), champion, temp.resolve("no"), Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("LORE_ADMIN_TOKEN");
    }
}
