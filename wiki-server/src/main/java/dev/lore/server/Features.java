package dev.lore.server;

import dev.lore.graph.Graph;
import dev.lore.graph.curation.GapsStore;
import dev.lore.graph.curation.VerificationStore;
import dev.lore.graph.impact.ImpactStore;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.graph.seed.PackStore;
import dev.lore.server.article.ArticleApi;
import dev.lore.server.article.ArticlePages;
import dev.lore.server.attachment.AttachmentLists;
import dev.lore.server.attachment.AttachmentRoutes;
import dev.lore.server.auth.AuthRoutes;
import dev.lore.server.backup.BackupRoutes;
import dev.lore.server.backup.Backups;
import dev.lore.server.curation.GapsRoutes;
import dev.lore.server.curation.GapsService;
import dev.lore.server.curation.VerificationRoutes;
import dev.lore.server.curation.VerificationService;
import dev.lore.server.expertise.ExpertPages;
import dev.lore.server.expertise.ExpertRoutes;
import dev.lore.server.home.HomeRoutes;
import dev.lore.server.identity.IdentityRoutes;
import dev.lore.server.impact.ImpactRoutes;
import dev.lore.server.impact.ImpactService;
import dev.lore.server.learning.CollectionPages;
import dev.lore.server.learning.PathPages;
import dev.lore.server.learning.PathRoutes;
import dev.lore.server.moderation.ModerationPages;
import dev.lore.server.moderation.ModerationRoutes;
import dev.lore.server.notify.NotifyApi;
import dev.lore.server.notify.NotifyPages;
import dev.lore.server.notify.WebhookApi;
import dev.lore.server.ops.Metrics;
import dev.lore.server.ops.OpsRoutes;
import dev.lore.server.person.PersonRoutes;
import dev.lore.server.question.QuestionPages;
import dev.lore.server.question.QuestionRoutes;
import dev.lore.server.search.RelatedPages;
import dev.lore.server.search.SearchRoutes;
import dev.lore.server.seed.SeedPackRoutes;
import dev.lore.server.seed.SeedPacks;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Each feature's pages and routes, built once from the {@link Components} they use, in the order
 * the web server registers them.
 */
final class Features {
    private Features() {}

    static List<Consumer<RoutesConfig>> of(Components c, Config config, Clock clock, Graph graph, Metrics metrics) {
        var expertRoutes = new ExpertRoutes(
                c.experts,
                c.articles,
                (id, status, until, actor) ->
                        c.deactivation.setAvailability(id, status, until, actor, "availability set to " + status));
        var busFactor =
                new dev.lore.server.handover.BusFactorService(new dev.lore.graph.handover.BusFactorStore(graph));
        var verificationRoutes = new VerificationRoutes(
                new VerificationService(new VerificationStore(graph), clock),
                c.pages,
                id -> c.people.find(id).map(Person::name).orElse(id));
        var taughtPages = new dev.lore.server.taught.TaughtPages(c.taught, clock);
        var questionPages =
                new QuestionPages(c.questions, c.promotions, c.pages, clock).withTaughtMe(taughtPages::answer);
        var pathPages = new PathPages(c.paths, c.collections, c.pages, clock)
                .withMarkdown(text -> c.articles.render(text).html())
                .withCandidates(new dev.lore.server.learning.StepCandidates(c.paths, Optional.of(c.index)));
        var moderationPages = new ModerationPages(c.moderation, c.pages, clock);
        var relatedPages = new RelatedPages(c.index, c.articles);
        var packStore = new PackStore(graph);
        var identityRoutes = IdentityWiring.routes(
                config, graph, c.identities, c.auth, c.tokens, c.sync, c.security, c.pages, clock);
        var drafts = new dev.lore.server.article.Drafts(new dev.lore.graph.article.DraftStore(graph), clock);
        var suggestions = new dev.lore.server.article.Suggestions(
                new dev.lore.graph.article.SuggestionStore(graph), c.articles, c.notifier, clock);
        var pageTree = new dev.lore.server.article.PageTreeService(new dev.lore.graph.article.PageTree(graph));
        var lessons = dev.lore.server.lesson.LessonWiring.of(
                graph, c.articles, c.notifier, c.auth.audit(), clock, c.sync::catchUp, c.pages, c.people);
        return List.of(
                new HomeRoutes(c.articles, c.people, graph, c.experts, c.questions, pathPages, c.index, c.pages, clock)
                        ::register,
                new ArticleApi(
                                c.articles,
                                article -> c.promotions.origin(article).map(QuestionRoutes::originJson))
                        .withTree(pageTree)::register,
                new ArticlePages(
                                c.articles,
                                c.pages,
                                clock,
                                (article, reader) -> ExpertPages.panel(
                                        () -> c.experts.askAbout(article.title(), article.skills(), reader, 3)),
                                questionPages::feedback,
                                (article, reader) -> verificationRoutes.view(article.slug(), reader),
                                moderationPages::hidden,
                                article -> c.promotions.origin(article).map(QuestionPages::originView),
                                pathPages::openSteps,
                                article -> relatedPages.of(article, 5).stream()
                                        .map(r -> new dev.lore.ui.view.common.LinkView(r.slug(), r.title()))
                                        .toList())
                        .withTree(pageTree)
                        .withOneRead(dev.lore.server.web.OneRead.of(graph))
                        .withViewParts(c.viewParts)
                        .withPersonNames(id -> c.people.find(id).map(Person::name))
                        .withDrafts(drafts)
                        .withLessons(lessons.pages())
                        .withTemplates(lessons::fill)
                        .withTaughtMe(taughtPages::article)::register,
                lessons::register,
                taughtPages::register,
                new dev.lore.server.taught.TaughtRoutes(c.taught)::register,
                relatedPages::register,
                new dev.lore.server.article.DraftApi(drafts)::register,
                new dev.lore.server.article.SuggestionApi(suggestions)::register,
                new dev.lore.server.article.SuggestionPages(suggestions, c.articles, c.pages, clock)::register,
                new dev.lore.server.article.PageTreeApi(pageTree)::register,
                new dev.lore.server.article.PageTreePages(pageTree, c.articles, c.pages)::register,
                verificationRoutes::register,
                new dev.lore.server.curation.PageRequestRoutes(
                        new dev.lore.graph.curation.PageRequestStore(graph), c.pages, clock)::register,
                new GapsRoutes(
                        new GapsService(
                                new GapsStore(graph),
                                new dev.lore.graph.curation.PageRequestStore(graph),
                                c.search,
                                c.experts,
                                clock),
                        c.pages,
                        clock,
                        Optional.of(busFactor))::register,
                new dev.lore.server.handover.HandoverApi(c.handover, busFactor)::register,
                new dev.lore.server.handover.HandoverPages(c.handover, new PersonStore(graph), c.pages, clock)
                        ::register,
                new ModerationRoutes(c.moderation)::register,
                moderationPages::register,
                new SearchRoutes(
                        c.search,
                        c.pages,
                        clock,
                        (text, searcher) -> ExpertPages.panel(() -> c.experts.experts(
                                text, 3, false, searcher.map(Set::of).orElse(Set.of()))))::register,
                new AuthRoutes(
                        c.auth,
                        c.security,
                        c.pages,
                        next -> IdentityRoutes.button(config.identity(), next),
                        (ctx, token) -> identityRoutes.flatMap(r -> r.signOut(ctx, token)))::register,
                new dev.lore.server.auth.SessionRoutes(
                        c.auth,
                        c.people,
                        c.pages,
                        clock,
                        (by, whose, token, n) -> c.auth.audit()
                                .record(
                                        "token-revoke",
                                        whose,
                                        by.id(),
                                        Optional.of(token.map(t -> "token " + t).orElse("all (" + n + ")"))))::register,
                new dev.lore.server.audit.AuditRoutes(c.auditLog, c.pages)::register,
                routes -> identityRoutes.ifPresent(r -> r.register(routes)),
                routes -> config.identity()
                        .scimToken()
                        .ifPresent(token -> IdentityWiring.scim(
                                config, token, graph, c.scimGroups, c.deactivation, c.auth, c.sync, clock, routes)),
                new PersonRoutes(
                        c.people,
                        c.articleStore,
                        c.pages,
                        clock,
                        expertRoutes::profile,
                        config.publicPeople(),
                        c.experts::availableNow,
                        name -> c.experts.findSkill(name).map(skill -> skill.name()),
                        c.auth.audit())::register,
                expertRoutes::register,
                new ExpertPages(
                                c.experts,
                                c.people,
                                c.pages,
                                clock,
                                id -> questionPages.taught(id).withLearned(taughtPages.learnedFrom(id)),
                                pathPages::skillCollections,
                                new dev.lore.server.expertise.Contacts(config.chatLink()))
                        .withLessons(lessons::aboutSkill)
                        .withOneRead(dev.lore.server.web.OneRead.of(graph))::register,
                new dev.lore.server.question.AskPersonPages(c.questions, c.people, c.pages)::register,
                new QuestionRoutes(c.questions, c.promotions)::register,
                questionPages::register,
                new PathRoutes(c.paths, c.collections)::register,
                pathPages::register,
                new CollectionPages(c.collections, c.articles, packStore, c.pages)::register,
                new SeedPackRoutes(
                        new SeedPacks(
                                        c.importer,
                                        c.articles,
                                        c.collections,
                                        c.people,
                                        c.experts,
                                        packStore,
                                        Optional.of(c.attachments))
                                .withTree(new dev.lore.server.article.PageTreeService(
                                        new dev.lore.graph.article.PageTree(graph))),
                        c.collections,
                        packStore,
                        c.pages,
                        clock)::register,
                new ImpactRoutes(new ImpactService(new ImpactStore(graph), clock), c.pages)::register,
                new BackupRoutes(new Backups(graph, clock))::register,
                new OpsRoutes(c.readiness, metrics, config.ops().metrics())::register,
                new NotifyApi(c.notify)::register,
                new WebhookApi(c.webhooks)::register,
                new dev.lore.server.notify.WebhookPages(c.webhooks, c.pages, clock)::register,
                new NotifyPages(c.notify, c.unsubscribes, c.pages, clock, c.notifyConfig.emailOn())::register,
                new AttachmentRoutes(c.attachments).withUploaders(c.articles::uploader)::register,
                new dev.lore.server.attachment.AttachmentPages(new AttachmentLists(c.attachments, clock), c.pages)
                        ::register);
    }
}
