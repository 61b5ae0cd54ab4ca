package dev.lore.server.eval;

import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.Contributor;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.Lore;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.gitimport.AuthorIdentities;
import dev.lore.server.gitimport.FolderBlame;
import dev.lore.server.gitimport.GitImport;
import dev.lore.server.gitimport.GitImportResult;
import dev.lore.server.gitimport.Mailmap.Identity;
import dev.lore.server.seed.Progress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures expert finding on an imported Git repository. Each folder with at least {@value
 * #MIN_FILES} Markdown files by at least {@value #MIN_AUTHORS} authors is a topic; the truth is each
 * person's share of the folder's non-blank lines by {@code git blame} at the imported commit
 * (independent of Lore's own attribution; blamed identities are mapped to people through the
 * identities the import stored). The query is the folder's path words. Lore's ranking is compared
 * with two baselines from the same run: the most active authors overall (most revisions, the same
 * list for every topic) and the authors of the single best-matching article (by share).
 *
 * <p>Metrics: nDCG@10 with graded gains (the truth share; the ideal is the truth sorted) and P@5
 * with a person relevant when their truth share is at least {@value #RELEVANT_SHARE}; both
 * macro-averaged over topics.
 */
public final class ExpertEval {
    static final int MIN_FILES = 5;
    static final int MIN_AUTHORS = 5;
    static final double RELEVANT_SHARE = 0.05;
    /** Path segments that say nothing about a topic. */
    static final Set<String> GENERIC = Set.of(
            "content", "contents", "docs", "doc", "documentation", "en", "src", "source", "pages", "md", "www", "site");

    public static final List<String> SYSTEMS = List.of("Lore", "most active", "best article");

    /** One topic: its folder, query, truth and each system's top 10 with their scores. */
    public record Topic(
            String folder,
            String query,
            int files,
            Map<String, Double> truth,
            List<List<String>> rankings,
            double[] ndcg,
            double[] precision) {}

    /** A run: the repository state measured, the topics and the macro averages per system. */
    public record Result(
            String commit,
            Instant date,
            int commits,
            int revisions,
            int people,
            List<Topic> topics,
            double[] ndcg,
            double[] precision) {}

    private ExpertEval() {}

    /** Imports {@code repository} (up to {@code maxCommits} first-parent commits) into {@code lore} and measures. */
    public static Result run(Lore lore, Path repository, int maxCommits, Progress progress, PrintStream log) {
        return run(lore, repository, maxCommits, progress, log, List.of(ExpertService.Ranking.DEFAULT))
                .getFirst();
    }

    /**
     * Imports once and measures each of {@code rankings} on the same data (one result per ranking,
     * in order): the way to compare ranking constants without paying for an import each.
     */
    public static List<Result> run(
            Lore lore,
            Path repository,
            int maxCommits,
            Progress progress,
            PrintStream log,
            List<ExpertService.Ranking> rankings) {
        // The blame (CPU) runs next to the import (mostly Neo4j); they read the repository separately.
        log.println("Blaming the Markdown files (the truth) in the background; importing with the Git import ...");
        long started = System.nanoTime();
        var blame = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            FolderBlame.Snapshot s = FolderBlame.blame(repository, maxCommits, Progress.NONE);
            log.printf("%nBlamed %d folders in %.0f s%n", s.folders().size(), (System.nanoTime() - started) / 1e9);
            return s;
        });
        var store = new GitImportStore(lore.graph());
        GitImportResult imported = new GitImport(lore.articles(), lore.people(), store, Clock.systemUTC())
                .importRepository(repository, progress, maxCommits);
        log.printf("%n%s (%.0f s)%n", imported.summary(), (System.nanoTime() - started) / 1e9);
        FolderBlame.Snapshot snapshot;
        try {
            snapshot = blame.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        lore.sync().catchUp();
        Map<String, String> identities = store.identities();
        return rankings.stream()
                .map(r -> measure(lore, snapshot, identities, imported.revisions(), imported.people(), r))
                .toList();
    }

    static Result measure(
            Lore lore,
            FolderBlame.Snapshot snapshot,
            Map<String, String> identities,
            int revisions,
            int people,
            ExpertService.Ranking ranking) {
        var articles = new ArticleStore(lore.graph());
        List<String> active = mostActive(lore, 10);
        var topics = new ArrayList<Topic>();
        for (FolderBlame.Folder folder : snapshot.folders().values()) {
            String query = query(folder.path());
            if (folder.files() < MIN_FILES || query.isEmpty()) {
                continue;
            }
            Map<String, Double> truth = truth(folder, snapshot, identities);
            if (truth.size() < MIN_AUTHORS) {
                continue;
            }
            List<String> byLore = lore.experts().experts(query, 10, true, Set.of(), ranking).stream()
                    .map(e -> e.person().id())
                    .toList();
            List<String> byArticle = lore.index().topDocuments(query, List.of("article"), 1).stream()
                    .findFirst()
                    .map(d -> articles.contributors(d.id().substring(d.id().indexOf(':') + 1)).stream()
                            .map(Contributor::id)
                            .limit(10)
                            .toList())
                    .orElse(List.of());
            List<List<String>> rankings = List.of(byLore, active, byArticle);
            double[] ndcg =
                    rankings.stream().mapToDouble(r -> ndcgAt(r, truth, 10)).toArray();
            double[] precision =
                    rankings.stream().mapToDouble(r -> precisionAt(r, truth, 5)).toArray();
            topics.add(new Topic(folder.path(), query, folder.files(), truth, rankings, ndcg, precision));
        }
        double[] ndcg = new double[SYSTEMS.size()];
        double[] precision = new double[SYSTEMS.size()];
        for (Topic t : topics) {
            for (int s = 0; s < ndcg.length; s++) {
                ndcg[s] += t.ndcg()[s] / topics.size();
                precision[s] += t.precision()[s] / topics.size();
            }
        }
        return new Result(
                snapshot.commit(),
                snapshot.date(),
                snapshot.commits(),
                revisions,
                people,
                List.copyOf(topics),
                ndcg,
                precision);
    }

    /** A folder's words: path segments without generic ones, split on {@code / - _ .}. */
    public static String query(String folder) {
        return Arrays.stream(folder.split("/"))
                .filter(s -> !GENERIC.contains(s.toLowerCase(Locale.ROOT)))
                .flatMap(s -> Arrays.stream(s.split("[-_.]")))
                .filter(w -> !w.isBlank())
                .collect(Collectors.joining(" "));
    }

    /**
     * Each person's share of the folder's non-blank lines. A blamed identity maps to a person
     * through its mailmapped identity keys as the import stored them; one the import never saw (a
     * branch author of a true merge, say) stays a person of its own that Lore cannot find.
     */
    static Map<String, Double> truth(
            FolderBlame.Folder folder, FolderBlame.Snapshot snapshot, Map<String, String> identities) {
        var lines = new HashMap<String, Integer>();
        folder.lines().forEach((identity, n) -> lines.merge(person(identity, snapshot, identities), n, Integer::sum));
        double total = lines.values().stream().mapToInt(Integer::intValue).sum();
        var truth = new LinkedHashMap<String, Double>();
        lines.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> truth.put(e.getKey(), e.getValue() / total));
        return truth;
    }

    private static String person(Identity identity, FolderBlame.Snapshot snapshot, Map<String, String> identities) {
        Identity mapped = snapshot.mailmap().map(identity);
        for (List<String> keys : List.of(AuthorIdentities.keys(mapped), AuthorIdentities.keys(identity))) {
            for (String key : keys) {
                String person = identities.get(key);
                if (person != null) {
                    return person;
                }
            }
        }
        return "git:" + mapped.name() + " <" + mapped.email() + ">";
    }

    /** People with the most revisions across all articles. */
    static List<String> mostActive(Lore lore, int n) {
        return lore.graph()
                .read(tx -> tx.run("""
                        MATCH (p:Person)-[c:CONTRIBUTED]->(:Article)
                        RETURN p.id AS id, sum(c.edits) AS edits
                        ORDER BY edits DESC, id
                        LIMIT $n
                        """, Map.of("n", n)).list(r -> r.get("id").asString()));
    }

    /** nDCG with graded gains (the truth share); the ideal ranking is the truth sorted. */
    public static double ndcgAt(List<String> ranked, Map<String, Double> truth, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += truth.getOrDefault(ranked.get(i), 0.0) / log2(i + 2);
        }
        List<Double> ideal = truth.values().stream()
                .sorted(Comparator.reverseOrder())
                .limit(k)
                .toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Of the first {@code k} (always divided by k), how many have a truth share of at least {@value #RELEVANT_SHARE}. */
    public static double precisionAt(List<String> ranked, Map<String, Double> truth, int k) {
        long relevant = ranked.stream()
                .limit(k)
                .filter(p -> truth.getOrDefault(p, 0.0) >= RELEVANT_SHARE)
                .count();
        return (double) relevant / k;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The variants {@code --sweep} measures: the shipped constants first, then one grid around them. */
    public static List<ExpertService.Ranking> sweep() {
        var out = new ArrayList<ExpertService.Ranking>();
        out.add(ExpertService.Ranking.DEFAULT);
        for (boolean byTopic : new boolean[] {false, true}) {
            for (int halfLife : new int[] {730, 1460}) {
                for (double power : new double[] {1, 2}) {
                    for (double presence : new double[] {0, 0.02, 0.05}) {
                        for (boolean proximity : new boolean[] {true, false}) {
                            var r = new ExpertService.Ranking(100, power, presence, halfLife, byTopic, proximity);
                            if (!r.equals(ExpertService.Ranking.DEFAULT)) {
                                out.add(r);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** One line per ranking variant: Lore's nDCG@10 and P@5 on the same topics. */
    public static void printSweep(List<ExpertService.Ranking> rankings, List<Result> results, PrintStream out) {
        out.println();
        out.println("| Lore ranking variant | nDCG@10 | P@5 |");
        out.println("|---|---|---|");
        for (int i = 0; i < rankings.size(); i++) {
            out.printf(
                    "| %s%s | %.3f | %.3f |%n",
                    rankings.get(i),
                    i == 0 ? " (shipped)" : "",
                    results.get(i).ndcg()[0],
                    results.get(i).precision()[0]);
        }
    }

    /** The table (and with {@code verbose} one line per topic). */
    public static void print(Result r, String repository, boolean verbose, PrintStream out) {
        if (verbose) {
            out.println();
            for (Topic t : r.topics()) {
                out.printf(
                        "%-50s q=%-30s files=%3d authors=%3d | nDCG@10 %.3f %.3f %.3f | P@5 %.2f %.2f %.2f | truth top %s | Lore %s%n",
                        t.folder(),
                        '"' + t.query() + '"',
                        t.files(),
                        t.truth().size(),
                        t.ndcg()[0],
                        t.ndcg()[1],
                        t.ndcg()[2],
                        t.precision()[0],
                        t.precision()[1],
                        t.precision()[2],
                        t.truth().keySet().stream().limit(3).toList(),
                        t.rankings().getFirst().stream().limit(3).toList());
            }
        }
        out.printf(
                "%nRepository %s at %s (%s), %d first-parent commits, %d revisions, %d people%n",
                repository, r.commit().substring(0, 12), r.date(), r.commits(), r.revisions(), r.people());
        out.printf(
                "Topics: %d folders with >= %d Markdown files and >= %d authors%n%n",
                r.topics().size(), MIN_FILES, MIN_AUTHORS);
        out.println("| ranking | nDCG@10 | P@5 |");
        out.println("|---|---|---|");
        for (int s = 0; s < SYSTEMS.size(); s++) {
            out.printf("| %s | %.3f | %.3f |%n", SYSTEMS.get(s), r.ndcg()[s], r.precision()[s]);
        }
    }
}
