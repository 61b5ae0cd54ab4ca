package dev.lore.graph.moderation;

import java.util.Optional;

/**
 * Content a moderator hid, for the champions' "Hidden" list: what it is, an excerpt of its text
 * (readers and champions alike no longer see hidden questions and answers on their pages), where
 * it lives if a champion can open it, and who hid it.
 *
 * @param link the page a champion can open (a hidden article, or the question of a hidden answer)
 */
public record HiddenItem(
        String kind, String target, String title, String excerpt, Optional<String> link, Hidden hidden) {}
