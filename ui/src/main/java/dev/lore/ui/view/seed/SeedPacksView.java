package dev.lore.ui.view.seed;

import dev.lore.ui.view.common.LinkView;
import java.util.List;
import java.util.Optional;

/**
 * The champions' seed pack page: import a zip or a folder, and export a chosen set of articles.
 * {@code result} is the last import's summary, {@code error} why it was refused; {@code query}
 * filters the {@code articles} to tick; {@code collections} are offered by id ({@code slug}).
 */
public record SeedPacksView(
        Optional<ImportResultView> result,
        Optional<String> error,
        String query,
        List<LinkView> articles,
        boolean moreArticles,
        List<LinkView> collections,
        long maxUploadMiB,
        int maxFiles) {}
