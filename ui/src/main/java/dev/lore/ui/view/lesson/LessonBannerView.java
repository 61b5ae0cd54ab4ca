package dev.lore.ui.view.lesson;

import java.util.Optional;

/**
 * What a lesson's page shows above its text: that it is a lesson, whom it is credited to when
 * shared by the team, the incident or project page it is about, whether it waits for a champion,
 * and the "this would have saved me time" count with the reader's own mark.
 *
 * @param sharedBy the team's name ("Payments team", "Shared anonymously"), empty when attributed
 * @param privateNote shown only to the author, champions and admins: who really wrote it
 */
public record LessonBannerView(
        String slug,
        Optional<String> sharedBy,
        Optional<String> incidentSlug,
        Optional<String> incidentTitle,
        boolean pending,
        boolean canApprove,
        long savedTime,
        boolean savedByMe,
        boolean canMark,
        Optional<String> privateNote) {}
