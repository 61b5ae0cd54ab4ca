package dev.lore.server.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The impact report as CSV (RFC 4180): a header row, then one row per week. */
final class ImpactCsv {
    static final List<String> HEADER = List.of(
            "week",
            "start",
            "end",
            "team",
            "skill",
            "active_contributors",
            "new_articles",
            "updated_articles",
            "questions_asked",
            "questions_answered",
            "median_hours_to_first_answer",
            "searches",
            "searches_with_click",
            "search_success_rate",
            "path_completions",
            "kudos");

    private ImpactCsv() {}

    static String write(ImpactService.Report report) {
        var out = new StringBuilder();
        line(out, HEADER);
        for (var w : report.weeks()) {
            var f = w.figures();
            var row = new ArrayList<String>();
            row.add(w.week());
            row.add(w.start().toString());
            row.add(w.end().toString());
            row.add(report.team().orElse(""));
            row.add(report.skill().orElse(""));
            row.add(Long.toString(f.activeContributors()));
            row.add(Long.toString(f.newArticles()));
            row.add(Long.toString(f.updatedArticles()));
            row.add(Long.toString(f.questionsAsked()));
            row.add(Long.toString(f.questionsAnswered()));
            row.add(number(f.medianHoursToFirstAnswer()));
            row.add(Long.toString(f.searches()));
            row.add(Long.toString(f.searchesWithClick()));
            row.add(number(f.searchSuccessRate()));
            row.add(Long.toString(f.pathCompletions()));
            row.add(Long.toString(f.kudos()));
            line(out, row);
        }
        return out.toString();
    }

    /** A download name that says what is in the file. */
    static String filename(ImpactService.Report report) {
        var name = new StringBuilder("lore-impact-")
                .append(report.weeks().getFirst().week())
                .append("-to-")
                .append(report.weeks().getLast().week());
        report.team().ifPresent(t -> name.append("-").append(safe(t)));
        report.skill().ifPresent(s -> name.append("-").append(safe(s)));
        return name.append(".csv").toString();
    }

    private static String safe(String s) {
        String cleaned = s.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return cleaned.isEmpty() ? "filtered" : cleaned.substring(0, Math.min(40, cleaned.length()));
    }

    private static String number(Optional<Double> v) {
        return v.map(d -> d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString())
                .orElse("");
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(inert(cells.get(i))));
        }
        out.append("\r\n");
    }

    /**
     * A cell a spreadsheet will not run: one starting with {@code = + - @}, a tab or a carriage
     * return (a formula to Excel, LibreOffice and Sheets) gets a leading single quote, as OWASP
     * advises against CSV injection. The filters are echoed into every row, so this matters.
     */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** Quotes a cell that holds a comma, quote, line break or leading/trailing space; doubles quotes. */
    static String quote(String cell) {
        boolean needs = cell.contains(",")
                || cell.contains("\"")
                || cell.contains("\n")
                || cell.contains("\r")
                || (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' '));
        return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
