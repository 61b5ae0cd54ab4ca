package dev.lore.ui.view.search;

import java.util.List;

/** A person the query names: who, where, top skills. */
public record PersonCardView(String id, String name, String team, String title, List<String> topSkills) {}
