package dev.lore.ui.view.person;

import java.util.List;

/** The directory of people. */
public record PeopleView(List<PersonRow> people) {}
