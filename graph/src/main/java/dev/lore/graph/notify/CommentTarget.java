package dev.lore.graph.notify;

import java.util.Optional;

/**
 * What a comment is on, as notifications need it: the page or question people watch, its title
 * and link, and the author of the content commented on (an answer's or question's author).
 */
public record CommentTarget(Subject watched, String title, String url, Optional<String> contentAuthorId) {}
