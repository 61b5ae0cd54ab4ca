package dev.lore.ui.view.impact;

import java.util.List;

/**
 * The impact dashboard: the filters in effect (dates as {@code yyyy-MM-dd}, text empty when unset), the
 * charts, one table row per week plus the totals, notes on filters, the CSV link with the same
 * filters, the month's top helpers and the pages that taught most that month.
 */
public record ImpactView(
        String from,
        String to,
        String team,
        String skill,
        String range,
        List<String> teams,
        List<String> notes,
        List<ChartView> charts,
        List<Row> rows,
        Row totals,
        String csvUrl,
        String month,
        List<Helper> helpers,
        List<TaughtPage> taughtPages) {
    /** A week (or the totals): the figures already formatted; "–" where there is no value. */
    public record Row(
            String week,
            String dates,
            long active,
            long created,
            long updated,
            long asked,
            long answered,
            String medianHours,
            long searches,
            String successRate,
            long completions,
            long kudos) {}

    /** A top helper and why they are listed. */
    public record Helper(String id, String name, String team, String why) {}

    /** A page people said taught them something this month: how many did, and a few of their notes. */
    public record TaughtPage(String slug, String title, long marks, List<String> notes) {}
}
