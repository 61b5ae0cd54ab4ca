package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.Contributor;
import dev.lore.graph.person.Person;
import dev.lore.ui.view.common.LinkView;
import dev.lore.ui.view.curation.VerificationView;
import java.util.List;
import java.util.Optional;

/**
 * What other features add to an article page, each as a small function {@link ArticlePages} is
 * given at wiring: experts to ask, verification, feedback, moderation, origin, open path steps,
 * related pages, the page's place in the tree, lessons, templates and "this taught me something".
 */
public final class ArticlePageParts {
    private ArticlePageParts() {}
    /** The best available experts on an article's topics for its reader (the "ask an expert" panel). */
    @FunctionalInterface
    public interface AskAnExpert {
        List<dev.lore.ui.view.expertise.ExpertView> find(Article article, Optional<String> readerId);
    }
    /** An article's verification line for its reader (see the curation package). */
    @FunctionalInterface
    public interface Verification {
        Optional<VerificationView> of(Article article, Optional<Person> reader);
    }
    /** Comments on an article and whom its reader can thank (the "comments and kudos" section). */
    @FunctionalInterface
    public interface Feedback {
        dev.lore.ui.view.question.FeedbackView find(
                Article article, List<Contributor> contributors, Optional<String> readerId);
    }
    /** Who hid a page and why, for the champion who still sees it (see the moderation package). */
    @FunctionalInterface
    public interface Moderation {
        Optional<dev.lore.ui.view.moderation.HiddenView> hidden(Article article);
    }
    /** Where a page came from, if it was promoted from an answer (see the question package). */
    @FunctionalInterface
    public interface Origin {
        Optional<dev.lore.ui.view.question.OriginView> of(Article article);
    }
    /** The reader's not-yet-done steps on followed paths that point at a page (see the path package). */
    @FunctionalInterface
    public interface OpenSteps {
        List<dev.lore.ui.view.learning.OpenStepView> of(Article article, Optional<Person> reader);
    }
    /** Pages close in meaning to a page (see {@code search.RelatedPages}); empty without the model. */
    @FunctionalInterface
    public interface Related {
        List<LinkView> of(Article article);
    }
    /** Where a page stands in the page tree (see {@link PageTreeService}). */
    @FunctionalInterface
    public interface Place {
        dev.lore.ui.view.article.PlaceView of(Article article);
    }
    /** A lesson's banner, and who may see a lesson waiting for review (see the lesson package). */
    public interface Lessons {
        Optional<dev.lore.ui.view.lesson.LessonBannerView> banner(Article article, Optional<Person> reader);

        boolean mayPreview(String slug, Optional<Person> reader);
    }
    /** A page template's text filled in for a new page (see the pagetemplate package). */
    @FunctionalInterface
    public interface Templates {
        String fill(String name, String title, Person author);
    }
    /** The "this taught me something" block of a page for its reader (see the taught package). */
    @FunctionalInterface
    public interface TaughtMe {
        Optional<dev.lore.ui.view.taught.TaughtMeView> of(Article article, Optional<String> readerId);
    }
}
