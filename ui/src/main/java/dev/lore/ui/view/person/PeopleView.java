package dev.lore.ui.view.person;

import java.util.List;

/**
 * The directory of people, filtered by team, skill and availability.
 *
 * @param teams every team, for the filter
 * @param team the team filtered by, empty for all
 * @param skill the skill filtered by, empty for any
 * @param availableOnly only people who take questions now
 * @param q what was typed to find someone (part of a name, team or skill), empty for everyone
 */
public record PeopleView(
        List<PersonRow> people, List<String> teams, String team, String skill, boolean availableOnly, String q) {
    /** The unfiltered directory. */
    public PeopleView(List<PersonRow> people) {
        this(people, List.of(), "", "", false, "");
    }
}
