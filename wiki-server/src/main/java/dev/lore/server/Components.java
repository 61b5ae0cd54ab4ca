package dev.lore.server;

import dev.lore.graph.Graph;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.attachment.AttachmentStore;
import dev.lore.graph.auth.LoginThrottleStore;
import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.identity.IdentityStore;
import dev.lore.graph.identity.ScimGroupStore;
import dev.lore.graph.learning.CollectionStore;
import dev.lore.graph.learning.PathStore;
import dev.lore.graph.moderation.ModerationStore;
import dev.lore.graph.notify.Lookups;
import dev.lore.graph.person.PersonStore;
import dev.lore.graph.question.CommentStore;
import dev.lore.graph.question.KudosStore;
import dev.lore.graph.question.PromotionStore;
import dev.lore.graph.question.QuestionStore;
import dev.lore.graph.search.DirectoryStore;
import dev.lore.graph.search.SearchLogStore;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.article.ArticleService;
import dev.lore.server.attachment.AttachmentLists;
import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.attachment.BlobStore;
import dev.lore.server.attachment.ExtractionQueue;
import dev.lore.server.attachment.FilePins;
import dev.lore.server.attachment.FileTypes;
import dev.lore.server.attachment.TextExtractor;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.LoginThrottle;
import dev.lore.server.auth.Passwords;
import dev.lore.server.auth.Tokens;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.identity.Deactivation;
import dev.lore.server.learning.CollectionService;
import dev.lore.server.learning.PathService;
import dev.lore.server.markdown.HtmlSanitizer;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.moderation.ModerationService;
import dev.lore.server.notify.NotificationService;
import dev.lore.server.notify.Notifier;
import dev.lore.server.notify.NotifyChrome;
import dev.lore.server.notify.NotifyConfig;
import dev.lore.server.notify.NotifyOutbox;
import dev.lore.server.notify.Unsubscribes;
import dev.lore.server.notify.WebhookService;
import dev.lore.server.ops.Metrics;
import dev.lore.server.ops.Readiness;
import dev.lore.server.person.PersonService;
import dev.lore.server.question.PromotionService;
import dev.lore.server.question.QuestionService;
import dev.lore.server.search.IndexSync;
import dev.lore.server.search.SearchService;
import dev.lore.server.seed.MarkdownImport;
import dev.lore.server.web.ErrorMapping;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Security;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
    /** Parts of page views kept with the graph's version (see ViewParts). */
    final dev.lore.server.web.ViewParts viewParts;
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
    /** Lets the start-up warm-up read pages as a person, without a session ({@link dev.lore.server.ops.WarmUp}). */
    final dev.lore.server.ops.WarmPass warmPass = new dev.lore.server.ops.WarmPass();

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
            LoreIndex index,
            Metrics metrics,
            List<AutoCloseable> closeInReverse,
            Supplier<Optional<String>> seeding) {
        articleStore = new ArticleStore(graph);
        var personStore = new PersonStore(graph);
        this.index = index;
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
        paths = new PathService(new PathStore(graph), new dev.lore.graph.learning.PathFollows(graph), clock)
                .withSharing((path, person, before, after) ->
                        notifier.reflectionShared(path.id(), path.title(), person, before, after));
        collections = new CollectionService(
                new CollectionStore(graph), new dev.lore.graph.learning.CollectionsFor(graph), clock);
        experts = new ExpertService(index, expertise, personStore, sync, clock);
        viewParts = dev.lore.server.web.ViewParts.of(graph);
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
        security = new Security(auth, tokens, config.secureCookies(), config.trustedProxies(), warmPass);
        errors = new ErrorMapping(pages);
        features = Features.of(this, config, clock, graph, metrics);
    }

    /**
     * The timed background work of a serving Lore: the index catch-up, email and webhook delivery,
     * routing unanswered questions further, and reminders of pages due for review.
     */
    void startTimers(Config config, java.util.List<AutoCloseable> closeInReverse) {
        sync.startTimer(config.ops().indexPoll(), IndexSync.COMMIT_EVERY);
        outbox.start(notifyConfig.interval());
        closeInReverse.add(new dev.lore.server.question.RouteFurtherTimer(questions, 300));
        closeInReverse.add(new dev.lore.server.notify.PeriodicSweep(
                "lore-stale-reminders",
                java.time.Duration.ofHours(1),
                "Owners reminded of pages due for review",
                staleReminders::sweep));
    }
}
