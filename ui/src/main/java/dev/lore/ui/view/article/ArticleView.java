package dev.lore.ui.view.article;

import dev.lore.ui.view.common.LinkView;
import dev.lore.ui.view.curation.VerificationView;
import dev.lore.ui.view.expertise.ExpertView;
import dev.lore.ui.view.learning.OpenStepView;
import dev.lore.ui.view.moderation.HiddenView;
import dev.lore.ui.view.question.FeedbackView;
import dev.lore.ui.view.question.OriginView;
import java.util.List;
import java.util.Optional;

/**
 * An article page. {@code html} is sanitized HTML, safe to output unescaped; {@code toc} lists the
 * headings with their anchor ids. {@code updated} is relative ("3 days ago"), {@code updatedDate}
 * a date and {@code updatedIso} the instant for {@code <time datetime>}. {@code feedback} holds the
 * comments and whom the reader can thank. {@code verification} is empty when it could not be
 * looked up (the page still shows). {@code hidden} is present when a champion views a page a
 * moderator hid. {@code origin} is present for an article promoted from an answer; {@code openSteps}
 * lists the reader's not-yet-done path steps for this page (each with a "mark done" form).
 * {@code related} lists pages close in meaning (empty when search runs without the model).
 * {@code place} is where the page stands in the page tree (breadcrumbs, children, its section).
 * {@code lesson} is present on a lesson learned (how it is shared, its review, "saved me time").
 * {@code taughtMe} is the "this taught me something" block (empty where the feature is not wired).
 */
public record ArticleView(
        String slug,
        String title,
        String html,
        List<String> tags,
        List<String> skills,
        int revision,
        String updated,
        String updatedDate,
        String updatedIso,
        Optional<ContributorView> updatedBy,
        String created,
        Optional<dev.lore.ui.view.common.PersonLinkView> owner,
        List<ContributorView> contributors,
        List<LinkView> backlinks,
        List<HeadingView> toc,
        Optional<String> redirectedFrom,
        List<ExpertView> askExperts,
        FeedbackView feedback,
        Optional<VerificationView> verification,
        Optional<HiddenView> hidden,
        Optional<OriginView> origin,
        List<OpenStepView> openSteps,
        List<LinkView> related,
        PlaceView place,
        Optional<dev.lore.ui.view.lesson.LessonBannerView> lesson,
        Optional<dev.lore.ui.view.taught.TaughtMeView> taughtMe) {}
