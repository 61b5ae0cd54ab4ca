package dev.lore.server.question;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.article.Article;
import dev.lore.graph.person.Person;
import dev.lore.graph.question.PromotionStore;
import dev.lore.graph.question.PromotionStore.Candidate;
import dev.lore.graph.question.PromotionStore.Origin;
import dev.lore.graph.question.PromotionStore.Target;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ConflictException;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A champion promotes an accepted answer into an article. The article's body is the answer's
 * Markdown alone (the question is linked, not copied), and its first revision is written by the
 * answer's author, so line attribution, contribution shares and expertise evidence credit them;
 * the champion is recorded on the link and in the revision message. The answer's author owns the
 * new page (they verify it). The check, the article and the link commit in one transaction.
 * Thread-safe.
 */
public final class PromotionService {
    private static final int MAX_MESSAGE = 500;

    private final PromotionStore store;
    private final ArticleService articles;
    private final Clock clock;

    public PromotionService(PromotionStore store, ArticleService articles, Clock clock) {
        this.store = store;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * Promotes the answer; {@code title} defaults to the question's title and {@code tags} to its
     * skills (which the article is also about).
     *
     * @throws ForbiddenException unless {@code champion} is a champion
     * @throws NotFoundException for an unknown or hidden answer
     * @throws ConflictException if the answer is not accepted or already became a live article
     */
    public Article promote(String answerId, Optional<String> title, Optional<List<String>> tags, Person champion) {
        if (!AuthService.roleOf(champion).atLeast(Role.CHAMPION)) {
            throw new ForbiddenException("only champions promote answers into articles");
        }
        Instant at = clock.instant();
        return articles.inOneTransaction(() -> {
            Candidate c;
            try {
                c = store.lock(answerId);
            } catch (NoSuchEntityException e) {
                throw new NotFoundException("no answer '" + answerId + "'");
            }
            if (!c.accepted()) {
                throw new ConflictException("only an accepted answer can be promoted; this one is not accepted");
            }
            if (c.promotedTo().isPresent()) {
                throw new ConflictException("this answer was already promoted to the article '"
                        + c.promotedTo().get() + "'");
            }
            String message = "Promoted from " + c.author().name() + "'s answer to \"" + c.questionTitle() + "\" by "
                    + champion.name();
            var input = new ArticleInput(
                    Optional.of(title.filter(t -> !t.isBlank()).orElse(c.questionTitle())),
                    c.markdown(),
                    Optional.of(tags.orElse(c.skills())),
                    Optional.of(c.skills()),
                    Optional.of(c.author().id()),
                    Optional.of(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message));
            Article article = articles.create(input, c.author().id(), at);
            store.link(answerId, article.id(), champion.id(), at);
            return article;
        });
    }

    /** Where an article came from, if it was promoted from an answer readers can see. */
    public Optional<Origin> origin(Article article) {
        return store.origin(article.id());
    }

    /** The live articles the answers to a question became. */
    public List<Target> targets(String questionId) {
        return store.targets(questionId);
    }
}
