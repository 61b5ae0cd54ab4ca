package dev.lore.server.markdown;

import java.util.List;

/** A page rendered to sanitized HTML, with the headings found in it. */
public record Rendered(String html, List<Heading> headings) {}
