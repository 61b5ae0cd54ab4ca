package dev.lore.server.article;

import java.util.List;
import java.util.Optional;

/**
 * What a person submits when saving an article. Absent title, tags, skills or owner fall back to
 * the Markdown's front matter.
 */
public record ArticleInput(
        Optional<String> title,
        String markdown,
        Optional<List<String>> tags,
        Optional<List<String>> skills,
        Optional<String> owner,
        Optional<String> message) {}
