package dev.lore.server.eval;

import dev.lore.server.eval.ExpertEval.Result;
import dev.lore.server.eval.ExpertEval.Topic;
import dev.lore.server.expertise.ExpertService;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** Prints what {@link ExpertEval} measured: per repository, the macro average over repositories, a sweep. */
public final class ExpertEvalReport {
    private ExpertEvalReport() {}

    /** The tables of one repository (and with {@code verbose} one line per topic). */
    public static void print(Result r, String repository, boolean verbose, PrintStream out) {
        if (verbose) {
            out.println();
            for (Topic t : r.topics()) {
                out.printf(
                        "%-45s q=%-25s files=%3d authors=%3d/%3d | nDCG@10 blame %s | added %s | truth top %s / %s | Lore %s | model %s%n",
                        t.folder(),
                        '"' + t.query() + '"',
                        t.files(),
                        t.truths().get(0).size(),
                        t.truths().get(1).size(),
                        figures(t.ndcg()[0]),
                        figures(t.ndcg()[1]),
                        t.truths().get(0).keySet().stream().limit(3).toList(),
                        t.truths().get(1).keySet().stream().limit(3).toList(),
                        t.rankings().get(0).stream().limit(3).toList(),
                        t.rankings().get(1).stream().limit(3).toList());
            }
        }
        out.printf(
                "%nRepository %s at %s (%s), %d first-parent commits, %d revisions, %d people%n",
                repository, r.commit().substring(0, 12), r.date(), r.commits(), r.revisions(), r.people());
        out.printf(
                "Topics: %d folders with >= %d Markdown files and >= %d authors%n%n",
                r.topics().size(), ExpertEval.MIN_FILES, ExpertEval.MIN_AUTHORS);
        table(r.ndcg(), r.precision(), out);
        IdentityReport ids = r.identities();
        out.printf("%nIdentities: %d Git identities became %d people%n", ids.identities(), ids.people());
        for (IdentityReport.Merge m : ids.largest()) {
            out.printf(
                    "  %s <- %s%n",
                    m.person(),
                    m.identities().entrySet().stream()
                            .map(e -> e.getKey().name() + " <" + e.getKey().email() + "> (" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")));
        }
    }

    /** The macro average over repositories (each repository's topic average counts once). */
    public static void printMacro(List<Result> results, PrintStream out) {
        out.printf("%nMacro average over %d repositories%n%n", results.size());
        table(macro(results, true), macro(results, false), out);
    }

    /** {@code [truth][system]} averaged over {@code results}: nDCG@10, or P@5. */
    public static double[][] macro(List<Result> results, boolean ndcg) {
        double[][] out = new double[ExpertEval.TRUTHS.size()][ExpertEval.SYSTEMS.size()];
        for (Result r : results) {
            double[][] m = ndcg ? r.ndcg() : r.precision();
            for (int t = 0; t < out.length; t++) {
                for (int s = 0; s < out[t].length; s++) {
                    out[t][s] += m[t][s] / results.size();
                }
            }
        }
        return out;
    }

    /**
     * One line per ranking variant: Lore's nDCG@10 and P@5 on each truth, macro-averaged over the
     * repositories; {@code results.get(repository).get(variant)}.
     */
    public static void printSweep(List<ExpertService.Ranking> rankings, List<List<Result>> results, PrintStream out) {
        out.println();
        out.println("| Lore ranking variant | nDCG@10 blame | P@5 blame | nDCG@10 lines added | P@5 lines added |");
        out.println("|---|---|---|---|---|");
        for (int i = 0; i < rankings.size(); i++) {
            int variant = i;
            List<Result> perRepository =
                    results.stream().map(r -> r.get(variant)).toList();
            double[][] ndcg = macro(perRepository, true);
            double[][] precision = macro(perRepository, false);
            out.printf(
                    "| %s%s | %.3f | %.3f | %.3f | %.3f |%n",
                    rankings.get(i),
                    i == 0 ? " (shipped)" : "",
                    ndcg[0][0],
                    precision[0][0],
                    ndcg[1][0],
                    precision[1][0]);
        }
    }

    private static void table(double[][] ndcg, double[][] precision, PrintStream out) {
        out.println("| ranking | nDCG@10 blame | P@5 blame | nDCG@10 lines added | P@5 lines added |");
        out.println("|---|---|---|---|---|");
        for (int s = 0; s < ExpertEval.SYSTEMS.size(); s++) {
            out.printf(
                    "| %s | %.3f | %.3f | %.3f | %.3f |%n",
                    ExpertEval.SYSTEMS.get(s), ndcg[0][s], precision[0][s], ndcg[1][s], precision[1][s]);
        }
    }

    private static String figures(double[] values) {
        var b = new StringBuilder();
        for (double v : values) {
            b.append(String.format(java.util.Locale.ROOT, "%.3f ", v));
        }
        return b.toString().strip();
    }
}
