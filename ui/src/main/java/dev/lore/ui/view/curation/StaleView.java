package dev.lore.ui.view.curation;

import java.util.List;
import java.util.Optional;

/**
 * Pages past their review date, most overdue first; {@code mine} when only the viewer's own;
 * {@code notice} confirms what the last verification did ("Verified 3 pages.").
 */
public record StaleView(boolean mine, List<Row> rows, Optional<String> notice) {
    public StaleView(boolean mine, List<Row> rows) {
        this(mine, rows, Optional.empty());
    }

    /** Whether the viewer may verify any listed page (so the list offers "Verify selected"). */
    public boolean anyVerifiable() {
        return rows.stream().anyMatch(Row::canVerify);
    }

    /** One page: {@code verified} is relative ("4 months ago") or "never". */
    public record Row(String slug, String title, String owner, String verified, long daysOverdue, boolean canVerify) {}
}
