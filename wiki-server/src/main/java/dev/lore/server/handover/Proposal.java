package dev.lore.server.handover;

/**
 * Someone Lore suggests as a page's new owner, where the suggestion comes from and why in words.
 *
 * @param source {@code contributor} (wrote part of the page), {@code expert} (knows its skills) or
 *     {@code champion} (champions the skills, or any champion when nobody else fits)
 */
public record Proposal(String personId, String name, String source, String why) {}
