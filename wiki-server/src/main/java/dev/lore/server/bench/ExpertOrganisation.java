package dev.lore.server.bench;

import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.internal.Values;
import dev.lore.server.Lore;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.auth.Role;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The expertise benchmark's synthetic organisation: people in teams with Zipf-popular skills at
 * levels, endorsements, wishes to learn, articles about skills written mostly by people who have
 * them, one in ten edited by a second person, and a champion the measurements sign in as.
 */
final class ExpertOrganisation {
    /** Articles (or edits) per transaction. */
    private static final int BATCH = 250;

    /** The password of {@code bench.champion}, whom the measurements sign in as. */
    static final String PASSWORD = "benchmark-champion-2026";

    private ExpertOrganisation() {}

    static void generate(
            Lore lore,
            int people,
            int articles,
            List<String> skillNames,
            Zipf skillPick,
            SyntheticCorpus corpus,
            Random random,
            PrintStream out) {
        {
            // the organisation, written in bulk
            long start = System.nanoTime();
            // The organisation is written in bulk (the benchmark measures queries, not sign-ups).
            var declared = new HashMap<Integer, List<String>>(); // skill index -> people who have it
            var skillRows = new ArrayList<Map<String, Object>>();
            for (String name : skillNames) {
                var skill = SkillNames.of(name).orElseThrow();
                skillRows.add(Map.of("key", skill.key(), "name", skill.name()));
            }
            lore.graph().write(tx -> tx.run("""
                            UNWIND $skills AS s MERGE (k:Skill {key: s.key}) ON CREATE SET k.name = s.name
                            """, Map.of("skills", skillRows)).consume());
            var personRows = new ArrayList<Map<String, Object>>();
            for (int p = 0; p < people; p++) {
                String id = "p" + p;
                var has = new ArrayList<Map<String, Object>>();
                for (int k = 0, n = random.nextInt(6); k < n; k++) {
                    int s = skillPick.next(random);
                    String level = random.nextInt(4) == 0 ? "expert" : random.nextBoolean() ? "practising" : "learning";
                    has.add(Map.of("key", skillRows.get(s).get("key"), "level", level));
                    declared.computeIfAbsent(s, x -> new ArrayList<>()).add(id);
                }
                var wants = new ArrayList<Object>();
                for (int k = 0, n = random.nextInt(3); k < n; k++) {
                    wants.add(skillRows.get(skillPick.next(random)).get("key"));
                }
                personRows.add(Map.of(
                        "id", id,
                        "name", "Person " + p,
                        "team", "team-" + (p % Math.max(1, people / 100)),
                        "has", has,
                        "wants", wants));
            }
            var endorsementRows = new ArrayList<Map<String, Object>>();
            for (int e = 0; e < people * 2; e++) {
                int s = skillPick.next(random);
                var holders = declared.get(s);
                if (holders == null) {
                    continue;
                }
                String to = holders.get(random.nextInt(holders.size()));
                String from = "p" + random.nextInt(people);
                if (!from.equals(to)) {
                    endorsementRows.add(Map.of(
                            "from", from, "to", to, "key", skillRows.get(s).get("key")));
                }
            }
            var now = Values.datetime(Instant.now());
            for (int i = 0; i < personRows.size(); i += 1_000) {
                var rows = personRows.subList(i, Math.min(personRows.size(), i + 1_000));
                lore.graph().write(tx -> {
                    long seq = ChangeSequence.next(tx);
                    tx.run("""
                                    UNWIND $rows AS row
                                    CREATE (p:Person {id: row.id, name: row.name, email: row.id + '@example.test',
                                        team: row.team, title: 'Engineer', role: 'contributor', active: true,
                                        joinedAt: $now, seq: $seq})
                                    WITH p, row
                                    CALL (p, row) {
                                      UNWIND row.has AS h MATCH (s:Skill {key: h.key})
                                      MERGE (p)-[r:HAS_SKILL]->(s) SET r.level = h.level, r.declaredAt = $now
                                    }
                                    CALL (p, row) {
                                      UNWIND row.wants AS w MATCH (s:Skill {key: w}) MERGE (p)-[:WANTS_TO_LEARN]->(s)
                                    }
                                    """, Map.of("rows", rows, "now", now, "seq", seq)).consume();
                    return null;
                });
            }
            for (int i = 0; i < endorsementRows.size(); i += 2_000) {
                var rows = endorsementRows.subList(i, Math.min(endorsementRows.size(), i + 2_000));
                lore.graph()
                        .write(tx ->
                                tx.run("""
                                UNWIND $rows AS row
                                MATCH (a:Person {id: row.from}), (b:Person {id: row.to})
                                MERGE (a)-[e:ENDORSED {skill: row.key}]->(b) ON CREATE SET e.at = $now
                                """, Map.of("rows", rows, "now", now)).consume());
            }
            lore.sync().catchUp();
            double peopleSeconds = (System.nanoTime() - start) / 1e9;
            out.printf("people, skills and endorsements: %.0f s%n", peopleSeconds);

            long articlesStart = System.nanoTime();
            var batch = new ArrayList<ArticleInput>();
            var authors = new ArrayList<String>();
            var slugsForEdit = new ArrayList<String>();
            int done = 0;
            for (int a = 0; a < articles; a++) {
                int s = skillPick.next(random);
                var holders = declared.get(s);
                String author = holders != null && random.nextInt(10) < 7
                        ? holders.get(random.nextInt(holders.size()))
                        : "p" + random.nextInt(people);
                var title = new StringBuilder(skillNames.get(s));
                var body = new StringBuilder();
                for (int w = 0, n = 60 + random.nextInt(240); w < n; w++) {
                    body.append(corpus.word(random)).append(w % 12 == 11 ? ".\n" : " ");
                }
                body.append("\nAbout ").append(skillNames.get(s)).append('.');
                title.append(' ').append(corpus.word(random)).append(' ').append(a);
                var skillsOf = List.of(skillNames.get(s), skillNames.get(skillPick.next(random)));
                authors.add(author);
                batch.add(new ArticleInput(
                        Optional.of(title.toString()),
                        body.toString(),
                        Optional.of(List.of()),
                        Optional.of(skillsOf),
                        Optional.empty(),
                        Optional.of("benchmark")));
                if (a % BATCH == BATCH - 1 || a == articles - 1) {
                    for (var created : lore.articles().createBatch(batch, authors, Instant.now())) {
                        if (random.nextInt(10) == 0) {
                            slugsForEdit.add(created.slug());
                        }
                    }
                    done = a + 1;
                    batch.clear();
                    authors.clear();
                    if (done % 10_000 == 0) {
                        out.printf("articles %d/%d%n", done, articles);
                    }
                }
            }
            // a second author on one article in ten: shares below 100% (BATCH edits per transaction)
            for (int i = 0; i < slugsForEdit.size(); i += BATCH) {
                var edits = slugsForEdit.subList(i, Math.min(slugsForEdit.size(), i + BATCH));
                var editors =
                        edits.stream().map(x -> "p" + random.nextInt(people)).toList();
                var words = edits.stream()
                        .map(x -> corpus.word(random) + " " + corpus.word(random))
                        .toList();
                lore.articles().inOneTransaction(() -> {
                    for (int e = 0; e < edits.size(); e++) {
                        edit(lore, edits.get(e), words.get(e), editors.get(e));
                    }
                    return null;
                });
            }
            lore.index().commit();
            out.printf(
                    "articles: %d in %.0f s (%d edited by a second person)%n",
                    articles, (System.nanoTime() - articlesStart) / 1e9, slugsForEdit.size());

            lore.people().create("bench.champion", "Bench Champion", "", "", "", Role.CHAMPION, Optional.of(PASSWORD));
        }
    }

    private static void edit(Lore lore, String slug, String words, String editor) {
        var article = lore.articles().find(slug).article();
        var input = new ArticleInput(
                Optional.of(article.title()),
                article.markdown() + "\n" + words + " added by a colleague.",
                Optional.of(article.tags()),
                Optional.of(article.skills()),
                Optional.empty(),
                Optional.of("benchmark edit"));
        lore.articles().update(slug, article.revision(), input, editor);
    }
}
