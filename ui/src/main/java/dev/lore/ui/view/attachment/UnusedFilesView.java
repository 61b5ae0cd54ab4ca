package dev.lore.ui.view.attachment;

import java.util.List;

/**
 * Files no page shows or links, for champions to tidy up: each with the page it is attached to.
 *
 * @param limit how many the page lists at most; {@code files.size() == limit} means there may be more
 */
public record UnusedFilesView(List<Unused> files, int limit) {
    /** An unused file and the page it belongs to. */
    public record Unused(FileItem file, String pageTitle, String pageUrl) {}
}
