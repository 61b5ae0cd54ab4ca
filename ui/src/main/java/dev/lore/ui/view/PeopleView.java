package dev.lore.ui.view;

import java.util.List;

/** The directory of people. */
public record PeopleView(List<PersonRow> people) {}
