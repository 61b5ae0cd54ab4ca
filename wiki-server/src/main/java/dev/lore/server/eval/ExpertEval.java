package dev.lore.server.eval;

import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.Contributor;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.Lore;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.gitimport.AuthorIdentities;
import dev.lore.server.gitimport.FolderBlame;
import dev.lore.server.gitimport.FolderHistory;
import dev.lore.server.gitimport.GitImport;
import dev.lore.server.gitimport.GitImportResult;
import dev.lore.server.gitimport.Mailmap;
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
 * #MIN_FILES} Markdown files by at least {@value #MIN_AUTHORS} authors is a topic. Two truths, both
 * computed from Git alone (independent of Lore's own attribution; identities are mapped to people
 * through the identities the import stored): {@code blame}, each person's share of the folder's
 * non-blank lines by {@code git blame} at the imported commit (lasting lines), and {@code lines
 * added}, each person's share of the non-blank lines added to the folder's Markdown files over the
 * whole history ({@link FolderHistory}). The query is the folder's path words. Lore's ranking is
 * compared with three baselines from the same run: the document model ({@link DocumentModel},
 * Balog's Model 2 on plain BM25), the most active authors overall (most revisions, the same list for
 * every topic) and the authors of the single best-matching article (by share).
 *
 * <p>Metrics: nDCG@10 with graded gains (the truth share; the ideal is the truth sorted) and P@5
 * with a person relevant when their truth share is at least {@value #RELEVANT_SHARE}; both
 * macro-averaged over topics, per truth.
 */
public final class ExpertEval {
    static final int MIN_FILES = 5;
    static final int MIN_AUTHORS = 5;
    static final double RELEVANT_SHARE = 0.05;
    /** Path segments that say nothing about a topic. */
    static final Set<String> GENERIC = Set.of(
            "content", "contents", "docs", "doc", "documentation", "en", "src", "source", "pages", "md", "www", "site");

    public static final List<String> SYSTEMS = List.of("Lore", "document model", "most active", "best article");
    public static final List<String> TRUTHS = List.of("blame", "lines added");

    /**
     * One topic: its folder, query, each truth, each system's top 10 and their scores, indexed
     * {@code [truth][system]}.
     */
    public record Topic(
            String folder,
            String query,
            int files,
            List<Map<String, Double>> truths,
            List<List<String>> rankings,
            double[][] ndcg,
            double[][] precision) {}

    /**
     * A run: the repository state measured, the topics, the macro averages per truth and system
     * ({@code [truth][system]}) and how Git identities became people.
     */
    public record Result(
            String commit,
            Instant date,
            int commits,
            int revisions,
            int people,
            List<Topic> topics,
            double[][] ndcg,
            double[][] precision,
            IdentityReport identities) {}

    /** What the evaluation reads from Git, next to the import: both truths and the commit identities. */
    record Truths(FolderBlame.Snapshot blame, FolderHistory.Added added) {}

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
        // The truths (CPU) are read next to the import (mostly Neo4j); they read the repository separately.
        log.println(
                "Blaming the Markdown files and counting lines added (the truths) in the background; importing ...");
        long started = System.nanoTime();
        var background = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            FolderBlame.Snapshot s = FolderBlame.blame(repository, maxCommits, Progress.NONE);
            FolderHistory.Added added = FolderHistory.read(repository, maxCommits);
            log.printf(
                    "%nBlamed %d folders and counted lines added in %.0f s%n",
                    s.folders().size(), (System.nanoTime() - started) / 1e9);
            return new Truths(s, added);
        });
        var store = new GitImportStore(lore.graph());
        GitImportResult imported = GitImport.builder(lore.articles(), lore.people(), store, Clock.systemUTC())
                .build()
                .importRepository(repository, progress, maxCommits);
        log.printf("%n%s (%.0f s)%n", imported.summary(), (System.nanoTime() - started) / 1e9);
        Truths truths;
        try {
            truths = background.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        lore.sync().catchUp();
        Map<String, String> identities = store.identities();
        try (var documentModel = new DocumentModel(lore.graph())) {
            return rankings.stream()
                    .map(r -> measure(
                            lore, truths, identities, imported.revisions(), imported.people(), r, documentModel))
                    .toList();
        }
    }

    static Result measure(
            Lore lore,
            Truths truths,
            Map<String, String> identities,
            int revisions,
            int people,
            ExpertService.Ranking ranking,
            DocumentModel documentModel) {
        FolderBlame.Snapshot snapshot = truths.blame();
        Mailmap mailmap = snapshot.mailmap();
        var articles = new ArticleStore(lore.graph());
        List<String> active = mostActive(lore, 10);
        var topics = new ArrayList<Topic>();
        for (FolderBlame.Folder folder : snapshot.folders().values()) {
            String query = query(folder.path());
            if (folder.files() < MIN_FILES || query.isEmpty()) {
                continue;
            }
            Map<String, Double> truth = truth(folder.lines(), mailmap, identities);
            if (truth.size() < MIN_AUTHORS) {
                continue;
            }
            Map<String, Double> added =
                    truth(truths.added().folders().getOrDefault(folder.path(), Map.of()), mailmap, identities);
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
            List<List<String>> rankings = List.of(byLore, documentModel.experts(query, 10), active, byArticle);
            List<Map<String, Double>> both = List.of(truth, added);
            double[][] ndcg = new double[both.size()][];
            double[][] precision = new double[both.size()][];
            for (int t = 0; t < both.size(); t++) {
                Map<String, Double> gains = both.get(t);
                ndcg[t] =
                        rankings.stream().mapToDouble(r -> ndcgAt(r, gains, 10)).toArray();
                precision[t] = rankings.stream()
                        .mapToDouble(r -> precisionAt(r, gains, 5))
                        .toArray();
            }
            topics.add(new Topic(folder.path(), query, folder.files(), both, rankings, ndcg, precision));
        }
        double[][] ndcg = new double[TRUTHS.size()][SYSTEMS.size()];
        double[][] precision = new double[TRUTHS.size()][SYSTEMS.size()];
        for (Topic t : topics) {
            for (int truth = 0; truth < TRUTHS.size(); truth++) {
                for (int s = 0; s < SYSTEMS.size(); s++) {
                    ndcg[truth][s] += t.ndcg()[truth][s] / topics.size();
                    precision[truth][s] += t.precision()[truth][s] / topics.size();
                }
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
                precision,
                IdentityReport.of(truths.added().commits(), identity -> person(identity, mailmap, identities)));
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
     * Each person's share of a folder's non-blank lines by identity. An identity maps to a person
     * through its mailmapped identity keys as the import stored them; one the import never saw (a
     * branch author of a true merge, say) stays a person of its own that Lore cannot find.
     */
    static Map<String, Double> truth(
            Map<Identity, Integer> byIdentity, Mailmap mailmap, Map<String, String> identities) {
        var lines = new HashMap<String, Integer>();
        byIdentity.forEach((identity, n) -> lines.merge(person(identity, mailmap, identities), n, Integer::sum));
        double total = lines.values().stream().mapToInt(Integer::intValue).sum();
        var truth = new LinkedHashMap<String, Double>();
        lines.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> truth.put(e.getKey(), e.getValue() / total));
        return truth;
    }

    static String person(Identity identity, Mailmap mailmap, Map<String, String> identities) {
        Identity mapped = mailmap.map(identity);
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

    /**
     * The variants {@code --sweep} measures: the shipped constants first, then a grid of the weight
     * of whole-history evidence (lines added) against the lasting share, with the constants it
     * interacts with.
     */
    public static List<ExpertService.Ranking> sweep() {
        var out = new ArrayList<ExpertService.Ranking>();
        out.add(ExpertService.Ranking.DEFAULT);
        for (double history : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            for (int halfLife : new int[] {1460, 2920}) {
                for (double power : new double[] {1, 2}) {
                    for (double presence : new double[] {0, 0.02}) {
                        var r = new ExpertService.Ranking(100, power, presence, halfLife, false, false, history);
                        if (!r.equals(ExpertService.Ranking.DEFAULT)) {
                            out.add(r);
                        }
                    }
                }
            }
        }
        return out;
    }
}
