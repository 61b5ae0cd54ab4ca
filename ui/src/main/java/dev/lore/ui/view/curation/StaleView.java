package dev.lore.ui.view.curation;

import java.util.List;

/** Pages past their review date, most overdue first; {@code mine} when only the viewer's own. */
public record StaleView(boolean mine, List<Row> rows) {
    /** One page: {@code verified} is relative ("4 months ago") or "never". */
    public record Row(String slug, String title, String owner, String verified, long daysOverdue, boolean canVerify) {}
}
