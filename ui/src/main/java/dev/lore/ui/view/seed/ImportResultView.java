package dev.lore.ui.view.seed;

import java.util.List;

/** What a seed pack import did; {@code skipped} lines read "file: reason". */
public record ImportResultView(
        int people, int created, int updated, int unchanged, int paths, int collections, List<String> skipped) {}
