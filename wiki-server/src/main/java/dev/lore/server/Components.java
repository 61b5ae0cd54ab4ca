package dev.lore.server;

import dev.lore.graph.Graph;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.attachment.AttachmentStore;
import dev.lore.graph.auth.LoginThrottleStore;
import dev.lore.graph.curation.GapsStore;
import dev.lore.graph.curation.VerificationStore;
import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.identity.IdentityStore;
import dev.lore.graph.identity.ScimGroupStore;
import dev.lore.graph.impact.ImpactStore;
import dev.lore.graph.learning.CollectionStore;
import dev.lore.graph.learning.PathStore;
import dev.lore.graph.moderation.ModerationStore;
import dev.lore.graph.notify.Lookups;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.graph.question.CommentStore;
import dev.lore.graph.question.KudosStore;
import dev.lore.graph.question.PromotionStore;
import dev.lore.graph.question.QuestionStore;
import dev.lore.graph.search.DirectoryStore;
import dev.lore.graph.search.SearchLogStore;
import dev.lore.graph.seed.PackStore;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.article.ArticleApi;
import dev.lore.server.article.ArticlePages;
import dev.lore.server.article.ArticleService;
import dev.lore.server.attachment.AttachmentLists;
import dev.lore.server.attachment.AttachmentRoutes;
import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.attachment.BlobStore;
import dev.lore.server.attachment.ExtractionQueue;
import dev.lore.server.attachment.FilePins;
import dev.lore.server.attachment.FileTypes;
import dev.lore.server.attachment.TextExtractor;
import dev.lore.server.auth.AuthRoutes;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.LoginThrottle;
import dev.lore.server.auth.Passwords;
import dev.lore.server.auth.Tokens;
import dev.lore.server.backup.BackupRoutes;
import dev.lore.server.backup.Backups;
import dev.lore.server.curation.GapsRoutes;
import dev.lore.server.curation.GapsService;
import dev.lore.server.curation.VerificationRoutes;
import dev.lore.server.curation.VerificationService;
import dev.lore.server.expertise.ExpertPages;
import dev.lore.server.expertise.ExpertRoutes;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.home.HomeRoutes;
import dev.lore.server.identity.Deactivation;
import dev.lore.server.identity.IdentityRoutes;
import dev.lore.server.impact.ImpactRoutes;
import dev.lore.server.impact.ImpactService;
import dev.lore.server.learning.CollectionPages;
import dev.lore.server.learning.CollectionService;
import dev.lore.server.learning.PathPages;
import dev.lore.server.learning.PathRoutes;
import dev.lore.server.learning.PathService;
import dev.lore.server.markdown.HtmlSanitizer;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.moderation.ModerationPages;
import dev.lore.server.moderation.ModerationRoutes;
import dev.lore.server.moderation.ModerationService;
import dev.lore.server.notify.NotificationService;
import dev.lore.server.notify.Notifier;
import dev.lore.server.notify.NotifyApi;
import dev.lore.server.notify.NotifyChrome;
import dev.lore.server.notify.NotifyConfig;
import dev.lore.server.notify.NotifyOutbox;
import dev.lore.server.notify.NotifyPages;
import dev.lore.server.notify.Unsubscribes;
import dev.lore.server.notify.WebhookApi;
import dev.lore.server.notify.WebhookService;
import dev.lore.server.ops.Metrics;
import dev.lore.server.ops.OpsRoutes;
import dev.lore.server.ops.Readiness;
import dev.lore.server.person.PersonRoutes;
import dev.lore.server.person.PersonService;
import dev.lore.server.question.PromotionService;
import dev.lore.server.question.QuestionPages;
import dev.lore.server.question.QuestionRoutes;
import dev.lore.server.question.QuestionService;
import dev.lore.server.search.EmbeddingModel;
import dev.lore.server.search.IndexSync;
import dev.lore.server.search.RelatedPages;
import dev.lore.server.search.SearchRoutes;
import dev.lore.server.search.SearchService;
import dev.lore.server.seed.MarkdownImport;
import dev.lore.server.seed.SeedPackRoutes;
import dev.lore.server.seed.SeedPacks;
import dev.lore.server.web.ErrorMapping;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Security;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every long-lived object of a Lore, built once, in dependency order, in the constructor: stores,
 * the index, services, and the pages and routes the web server registers. Whatever must be closed
 * is appended to the list it is given, in opening order. Building starts no thread and opens no
 * port; {@link Lore#serve} starts the web server with {@link #features}.
 */
final class Components {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Components.class);

    /** How much of an attachment's text is indexed, and the largest file whose text is extracted. */
    private static final int TEXT_CHARS = 1_000_000;

    private static final long EXTRACT_BYTES = 50L << 20;

    final ArticleStore articleStore;
    final LoreIndex index;
    final IndexSync sync;
    final ArticleService articles;
    final PersonService people;
    final Tokens tokens = new Tokens();
    final LoginThrottle loginThrottle;
    final IdentityStore identities;
    final ScimGroupStore scimGroups;
    final AuthService auth;
    final dev.lore.graph.audit.AuditLog auditLog;
    final PathService paths;
    final CollectionService collections;
    final MarkdownImport importer;
    final SearchService search;
    final ExpertService experts;
    /** Every deactivation (admin, SCIM) goes through this; listeners hook in with onDeactivated. */
    final Deactivation deactivation;

    final QuestionService questions;
    final dev.lore.server.taught.TaughtService taught;
    final ModerationService moderation;
    final dev.lore.server.handover.HandoverService handover;
    final PromotionService promotions;
    final Readiness readiness;
    final BlobStore blobs;
    final AttachmentService attachments;
    final ExtractionQueue extraction;
    final NotificationService notify;
    final Notifier notifier;
    final Unsubscribes unsubscribes;
    final NotifyConfig notifyConfig;
    final NotifyOutbox outbox;
    final WebhookService webhooks;
    final dev.lore.server.notify.StaleReminders staleReminders;
    final Pages pages;
    final Security security;
    final ErrorMapping errors;
    /** Each feature's routes, in the order the web server registers them. */
    final List<Consumer<RoutesConfig>> features;

    /**
     * @param seeding why the start-up load of the seed pack keeps this server from traffic, if it does
     */
    Components(
            Config config,
            Passwords passwords,
            Clock clock,
            Graph graph,
            Metrics metrics,
            List<AutoCloseable> closeInReverse,
            Supplier<Optional<String>> seeding) {
        articleStore = new ArticleStore(graph);
        var personStore = new PersonStore(graph);
        index = LoreIndex.open(config.indexDir(), EmbeddingModel.load(config.semantic()));
        closeInReverse.add(index);
        var lookups = new Lookups(graph);
        var markdown = new MarkdownRenderer(new HtmlSanitizer(), lookups::knownPeople);
        var notifyWiring = new NotifyWiring(config, graph, lookups, markdown, tokens, clock, closeInReverse);
        var notifications = notifyWiring.notifications;
        notifier = notifyWiring.notifier;
        notify = notifyWiring.notify;
        unsubscribes = notifyWiring.unsubscribes;
        notifyConfig = notifyWiring.notifyConfig;
        outbox = notifyWiring.outbox;
        webhooks = notifyWiring.webhooks;
        var questionStore = new QuestionStore(graph);
        var commentStore = new CommentStore(graph);
        blobs = config.files().open(config.dataDir());
        closeInReverse.add(blobs);
        LOG.info("Attachments are kept in {}", blobs.describe());
        var attachmentStore = new AttachmentStore(graph);
        var taughtStore = new dev.lore.graph.taught.TaughtStore(graph);
        sync = new IndexSync(
                articleStore, personStore, questionStore, commentStore, taughtStore, attachmentStore, index, markdown);
        closeInReverse.add(sync);
        var extractor = new TextExtractor(TEXT_CHARS, java.time.Duration.ofSeconds(30));
        closeInReverse.add(extractor);
        extraction = new ExtractionQueue(attachmentStore, blobs, extractor, EXTRACT_BYTES, sync::catchUp);
        closeInReverse.add(extraction);
        attachments = new AttachmentService(
                attachmentStore,
                blobs,
                new FileTypes(),
                extraction,
                sync::catchUp,
                config.files().maxFileBytes(),
                clock);
        articles = new ArticleService(articleStore, markdown, sync, clock, notifier, new FilePins(attachmentStore)::pin)
                .withWriters(
                        dev.lore.server.lesson.LessonService.writers(new dev.lore.graph.lesson.LessonStore(graph)));
        people = new PersonService(personStore, passwords, sync, clock);
        var expertise = new ExpertiseStore(graph);
        // a signed-in person is remembered briefly, until a change to people or their evidence
        loginThrottle = new LoginThrottle(new LoginThrottleStore(graph), clock);
        identities = new IdentityStore(graph);
        scimGroups = new ScimGroupStore(graph);
        auditLog = new dev.lore.graph.audit.AuditLog(graph);
        auth = new AuthService(
                personStore,
                passwords,
                tokens,
                loginThrottle,
                config.demo(),
                clock,
                // the graph's version: a change on another server sharing the database is seen at once
                () -> personStore.writes()
                        + expertise.evidenceWrites()
                        + identities.writes()
                        + scimGroups.writes()
                        + dev.lore.graph.GraphVersion.read(graph),
                IdentityWiring.passwordSignIn(config.identity()),
                dev.lore.server.auth.AuthAudit.to(auditLog, clock));
        paths = new PathService(new PathStore(graph), new dev.lore.graph.learning.PathFollows(graph), clock);
        collections = new CollectionService(
                new CollectionStore(graph), new dev.lore.graph.learning.CollectionsFor(graph), clock);
        experts = new ExpertService(index, expertise, personStore, sync, clock);
        closeInReverse.add(experts);
        deactivation = new Deactivation(experts, people, auth.audit(), clock);
        importer = new MarkdownImport(
                        articles,
                        people,
                        experts,
                        paths,
                        collections,
                        new dev.lore.graph.curation.VerificationStore(graph),
                        clock,
                        Optional.of(attachments))
                .withTree(new dev.lore.server.article.PageTreeService(new dev.lore.graph.article.PageTree(graph)));
        search = new SearchService(index, new SearchLogStore(graph), new DirectoryStore(graph), clock);
        closeInReverse.add(search);
        questions = new QuestionService(
                questionStore, commentStore, new KudosStore(graph), articles, experts, index, sync, clock, notifier);
        taught = new dev.lore.server.taught.TaughtService(taughtStore, questionStore, notifier, sync::catchUp, clock);
        moderation = new ModerationService(new ModerationStore(graph), sync, clock, notifier);
        staleReminders = new dev.lore.server.notify.StaleReminders(
                new dev.lore.graph.notify.StaleReminderStore(graph), notifier, clock);
        var handoverStore = new dev.lore.graph.handover.HandoverStore(graph);
        handover = new dev.lore.server.handover.HandoverService(
                graph,
                handoverStore,
                personStore,
                new dev.lore.server.handover.Proposals(handoverStore, experts, personStore),
                notifications,
                clock);
        deactivation.onDeactivated(d -> handover.personLeft(d.personId(), d.actor()));
        deactivation.onTeamMoved(handover::personMoved);
        promotions = new PromotionService(new PromotionStore(graph), articles, clock);
        readiness = new Readiness(
                articleStore::currentSeq, index::appliedSeq, config.ops().readyMaxIndexLag(), seeding);
        metrics.gauge("lore.index.lag", "Changes the search index is behind the graph", readiness::indexLag);
        metrics.gauge("lore.index.applied.seq", "The last change the search index applied", index::appliedSeq);
        search.measure(metrics);
        notifyWiring.measure(metrics);
        experts.measure(metrics);

        pages = new Pages(
                new dev.lore.ui.Ui(), config.demo(), new NotifyChrome(notify), new AttachmentLists(attachments, clock));
        security = new Security(auth, tokens, config.secureCookies(), config.trustedProxies());
        errors = new ErrorMapping(pages);
        features = features(config, clock, graph, metrics);
    }

    private List<Consumer<RoutesConfig>> features(Config config, Clock clock, Graph graph, Metrics metrics) {
        var expertRoutes = new ExpertRoutes(
                experts,
                articles,
                (id, status, until, actor) ->
                        deactivation.setAvailability(id, status, until, actor, "availability set to " + status));
        var busFactor =
                new dev.lore.server.handover.BusFactorService(new dev.lore.graph.handover.BusFactorStore(graph));
        var verificationRoutes = new VerificationRoutes(
                new VerificationService(new VerificationStore(graph), clock),
                pages,
                id -> people.find(id).map(Person::name).orElse(id));
        var taughtPages = new dev.lore.server.taught.TaughtPages(taught, clock);
        var questionPages = new QuestionPages(questions, promotions, pages, clock).withTaughtMe(taughtPages::answer);
        var pathPages = new PathPages(paths, collections, pages, clock);
        var moderationPages = new ModerationPages(moderation, pages, clock);
        var relatedPages = new RelatedPages(index, articles);
        var packStore = new PackStore(graph);
        var identityRoutes =
                IdentityWiring.routes(config, graph, identities, auth, tokens, sync, security, pages, clock);
        var drafts = new dev.lore.server.article.Drafts(new dev.lore.graph.article.DraftStore(graph), clock);
        var suggestions = new dev.lore.server.article.Suggestions(
                new dev.lore.graph.article.SuggestionStore(graph), articles, notifier, clock);
        var pageTree = new dev.lore.server.article.PageTreeService(new dev.lore.graph.article.PageTree(graph));
        var lessons = dev.lore.server.lesson.LessonWiring.of(
                graph, articles, notifier, auth.audit(), clock, sync::catchUp, pages, people);
        return List.of(
                new HomeRoutes(articles, people, graph, experts, questions, pathPages, index, pages, clock)::register,
                new ArticleApi(articles, article -> promotions.origin(article).map(QuestionRoutes::originJson))
                        .withTree(pageTree)::register,
                new ArticlePages(
                                articles,
                                pages,
                                clock,
                                (article, reader) -> ExpertPages.panel(
                                        () -> experts.askAbout(article.title(), article.skills(), reader, 3)),
                                questionPages::feedback,
                                (article, reader) -> verificationRoutes.view(article.slug(), reader),
                                moderationPages::hidden,
                                article -> promotions.origin(article).map(QuestionPages::originView),
                                pathPages::openSteps,
                                article -> relatedPages.of(article, 5).stream()
                                        .map(r -> new dev.lore.ui.view.common.LinkView(r.slug(), r.title()))
                                        .toList())
                        .withTree(pageTree)
                        .withPersonNames(id -> people.find(id).map(Person::name))
                        .withDrafts(drafts)
                        .withLessons(lessons.pages())
                        .withTemplates(lessons::fill)
                        .withTaughtMe(taughtPages::article)::register,
                lessons::register,
                taughtPages::register,
                new dev.lore.server.taught.TaughtRoutes(taught)::register,
                relatedPages::register,
                new dev.lore.server.article.DraftApi(drafts)::register,
                new dev.lore.server.article.SuggestionApi(suggestions)::register,
                new dev.lore.server.article.SuggestionPages(suggestions, articles, pages, clock)::register,
                new dev.lore.server.article.PageTreeApi(pageTree)::register,
                new dev.lore.server.article.PageTreePages(pageTree, articles, pages)::register,
                verificationRoutes::register,
                new dev.lore.server.curation.PageRequestRoutes(
                        new dev.lore.graph.curation.PageRequestStore(graph), pages, clock)::register,
                new GapsRoutes(
                        new GapsService(
                                new GapsStore(graph),
                                new dev.lore.graph.curation.PageRequestStore(graph),
                                search,
                                experts,
                                clock),
                        pages,
                        clock,
                        Optional.of(busFactor))::register,
                new dev.lore.server.handover.HandoverApi(handover, busFactor)::register,
                new dev.lore.server.handover.HandoverPages(handover, new PersonStore(graph), pages, clock)::register,
                new ModerationRoutes(moderation)::register,
                moderationPages::register,
                new SearchRoutes(
                        search,
                        pages,
                        clock,
                        (text, searcher) -> ExpertPages.panel(() -> experts.experts(
                                text, 3, false, searcher.map(Set::of).orElse(Set.of()))))::register,
                new AuthRoutes(
                        auth,
                        security,
                        pages,
                        next -> IdentityRoutes.button(config.identity(), next),
                        (ctx, token) -> identityRoutes.flatMap(r -> r.signOut(ctx, token)))::register,
                new dev.lore.server.auth.SessionRoutes(
                        auth,
                        people,
                        pages,
                        clock,
                        (by, whose, token, n) -> auth.audit()
                                .record(
                                        "token-revoke",
                                        whose,
                                        by.id(),
                                        Optional.of(token.map(t -> "token " + t).orElse("all (" + n + ")"))))::register,
                new dev.lore.server.audit.AuditRoutes(auditLog, pages)::register,
                routes -> identityRoutes.ifPresent(r -> r.register(routes)),
                routes -> config.identity()
                        .scimToken()
                        .ifPresent(token -> IdentityWiring.scim(
                                config, token, graph, scimGroups, deactivation, auth, sync, clock, routes)),
                new PersonRoutes(
                        people,
                        articleStore,
                        pages,
                        clock,
                        expertRoutes::profile,
                        config.publicPeople(),
                        experts::availableNow,
                        name -> experts.findSkill(name).map(skill -> skill.name()),
                        auth.audit())::register,
                expertRoutes::register,
                new ExpertPages(
                                experts,
                                people,
                                pages,
                                clock,
                                id -> questionPages.taught(id).withLearned(taughtPages.learnedFrom(id)),
                                pathPages::skillCollections,
                                new dev.lore.server.expertise.Contacts(config.chatLink()))
                        .withLessons(lessons::aboutSkill)::register,
                new dev.lore.server.question.AskPersonPages(questions, people, pages)::register,
                new QuestionRoutes(questions, promotions)::register,
                questionPages::register,
                new PathRoutes(paths, collections)::register,
                pathPages::register,
                new CollectionPages(collections, articles, packStore, pages)::register,
                new SeedPackRoutes(
                        new SeedPacks(
                                        importer,
                                        articles,
                                        collections,
                                        people,
                                        experts,
                                        packStore,
                                        Optional.of(attachments))
                                .withTree(new dev.lore.server.article.PageTreeService(
                                        new dev.lore.graph.article.PageTree(graph))),
                        collections,
                        packStore,
                        pages,
                        clock)::register,
                new ImpactRoutes(new ImpactService(new ImpactStore(graph), clock), pages)::register,
                new BackupRoutes(new Backups(graph, clock))::register,
                new OpsRoutes(readiness, metrics, config.ops().metrics())::register,
                new NotifyApi(notify)::register,
                new WebhookApi(webhooks)::register,
                new dev.lore.server.notify.WebhookPages(webhooks, pages, clock)::register,
                new NotifyPages(notify, unsubscribes, pages, clock, notifyConfig.emailOn())::register,
                new AttachmentRoutes(attachments).withUploaders(articles::uploader)::register,
                new dev.lore.server.attachment.AttachmentPages(new AttachmentLists(attachments, clock), pages)
                        ::register);
    }
}
