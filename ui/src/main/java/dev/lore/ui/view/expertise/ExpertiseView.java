package dev.lore.ui.view.expertise;

/**
 * One of a person's skills with its evidence: declared level ("" if not declared), endorsements
 * (and whether the viewer gave one), articles about it and the person's share of them.
 */
public record ExpertiseView(
        String name,
        String url,
        String declared,
        int endorsements,
        boolean endorsedByViewer,
        int articles,
        int sharePercent) {}
