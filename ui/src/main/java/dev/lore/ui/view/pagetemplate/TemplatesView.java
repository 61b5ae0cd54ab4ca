package dev.lore.ui.view.pagetemplate;

import java.util.List;

/** The page templates, each editable by champions ({@code canEdit}). */
public record TemplatesView(List<Item> templates, boolean canEdit) {
    /**
     * @param startUrl where a new page from this template starts
     * @param edited whether a champion changed the bundled template
     */
    public record Item(String name, String label, String markdown, String startUrl, boolean edited) {}
}
