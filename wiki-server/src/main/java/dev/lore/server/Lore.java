package dev.lore.server;

import dev.lore.graph.EmbeddedNeo4j;
import dev.lore.graph.Graph;
import dev.lore.graph.Schema;
import dev.lore.graph.Settings;
import dev.lore.graph.TransactionTimer;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.auth.LoginThrottleStore;
import dev.lore.graph.curation.GapsStore;
import dev.lore.graph.curation.VerificationStore;
import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.impact.ImpactStore;
import dev.lore.graph.moderation.ModerationStore;
import dev.lore.graph.path.CollectionStore;
import dev.lore.graph.path.PathStore;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.graph.question.PromotionStore;
import dev.lore.graph.question.QuestionStore;
import dev.lore.graph.search.DirectoryStore;
import dev.lore.graph.search.SearchLogStore;
import dev.lore.graph.seed.PackStore;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.article.ArticleApi;
import dev.lore.server.article.ArticlePages;
import dev.lore.server.article.ArticleService;
import dev.lore.server.attachment.AttachmentRoutes;
import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.attachment.BlobStore;
import dev.lore.server.attachment.ExtractionQueue;
import dev.lore.server.attachment.FileTypes;
import dev.lore.server.attachment.TextExtractor;
import dev.lore.server.auth.AuthRoutes;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.LoginThrottle;
import dev.lore.server.auth.Passwords;
import dev.lore.server.auth.Role;
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
import dev.lore.server.impact.ImpactRoutes;
import dev.lore.server.impact.ImpactService;
import dev.lore.server.markdown.HtmlSanitizer;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.moderation.ModerationPages;
import dev.lore.server.moderation.ModerationRoutes;
import dev.lore.server.moderation.ModerationService;
import dev.lore.server.ops.BackgroundLoad;
import dev.lore.server.ops.Metrics;
import dev.lore.server.ops.OpsRoutes;
import dev.lore.server.ops.Readiness;
import dev.lore.server.path.CollectionPages;
import dev.lore.server.path.CollectionService;
import dev.lore.server.path.PathPages;
import dev.lore.server.path.PathRoutes;
import dev.lore.server.path.PathService;
import dev.lore.server.person.PersonRoutes;
import dev.lore.server.person.PersonService;
import dev.lore.server.question.PromotionService;
import dev.lore.server.question.QuestionPages;
import dev.lore.server.question.QuestionRoutes;
import dev.lore.server.question.QuestionService;
import dev.lore.server.search.IndexSync;
import dev.lore.server.search.SearchRoutes;
import dev.lore.server.search.SearchService;
import dev.lore.server.seed.MarkdownImport;
import dev.lore.server.seed.Progress;
import dev.lore.server.seed.SeedPack;
import dev.lore.server.seed.SeedPackRoutes;
import dev.lore.server.seed.SeedPacks;
import dev.lore.server.web.ErrorMapping;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Security;
import dev.lore.server.web.WebServer;
import dev.lore.ui.Ui;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every long-lived object once, in dependency order, and closes them
 * in reverse (web server, index catch-up, index, driver, embedded database). Closing is idempotent
 * and safe from a shutdown hook.
 */
public final class Lore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lore.class);
    public static final String ADMIN_ID = "admin";
    /** Set once the per-person, per-skill writing totals exist (stores from before them are rebuilt). */
    private static final String WRITTEN_ABOUT = "expertise.writtenAbout";

    /** Set once every person carries the date of their latest contribution. */
    private static final String LAST_ACTIVE = "expertise.lastActiveAt";

    private static final String SEEDED = "seed.loaded";

    /** How much of an attachment's text is indexed, and the largest file whose text is extracted. */
    private static final int TEXT_CHARS = 1_000_000;

    private static final long EXTRACT_BYTES = 50L << 20;

    private final Config config;
    private final List<AutoCloseable> closeInReverse = new ArrayList<>();
    private final Clock clock;
    private final Graph graph;
    private final ArticleStore articleStore;
    private final QuestionStore questionStore;
    private final LoreIndex index;
    private final IndexSync sync;
    private final ArticleService articles;
    private final PersonService people;
    private final AuthService auth;
    private final LoginThrottle loginThrottle;
    private final Tokens tokens = new Tokens();
    private final MarkdownImport importer;
    private final SearchService search;
    private final ExpertService experts;
    private final QuestionService questions;
    private final PathService paths;
    private final CollectionService collections;
    private final ModerationService moderation;
    private final PromotionService promotions;
    private final Metrics metrics;
    private final Readiness readiness;
    private final BlobStore blobs;
    private final AttachmentService attachments;
    private final ExtractionQueue extraction;
    private volatile BackgroundLoad seeding = BackgroundLoad.none("seed pack");
    private WebServer web;
    private boolean closed;
    /** Whether {@link #serve} starts the timed index catch-up; tests catch up when they say. */
    private boolean indexTimer = true;

    private Optional<EmbeddedNeo4j> embedded = Optional.empty();

    private Lore(Config config, Passwords passwords, Clock clock) {
        this.config = config;
        this.clock = clock;
        try {
            metrics = new Metrics();
            closeInReverse.add(metrics);
            graph = connect(config, closeInReverse, metrics.transactionTimer());
            embedded = closeInReverse.stream()
                    .filter(EmbeddedNeo4j.class::isInstance)
                    .map(EmbeddedNeo4j.class::cast)
                    .findFirst();
            Schema.apply(graph);
            articleStore = new ArticleStore(graph);
            var personStore = new PersonStore(graph);
            index = LoreIndex.open(config.indexDir());
            closeInReverse.add(index);
            var markdown = new MarkdownRenderer(new HtmlSanitizer());
            questionStore = new QuestionStore(graph);
            blobs = config.files().open(config.dataDir());
            closeInReverse.add(blobs);
            LOG.info("Attachments are kept in {}", blobs.describe());
            var attachmentStore = new dev.lore.graph.attachment.AttachmentStore(graph);
            sync = new IndexSync(articleStore, personStore, questionStore, attachmentStore, index, markdown);
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
            articles = new ArticleService(articleStore, markdown, sync, clock);
            people = new PersonService(personStore, passwords, sync, clock);
            var expertise = new ExpertiseStore(graph);
            // a signed-in person is remembered briefly, until a change to people or their evidence
            loginThrottle = new LoginThrottle(new LoginThrottleStore(graph), clock);
            auth = new AuthService(
                    personStore,
                    passwords,
                    tokens,
                    loginThrottle,
                    config.demo(),
                    clock,
                    () -> personStore.writes() + expertise.evidenceWrites());
            paths = new PathService(new PathStore(graph), clock);
            collections = new CollectionService(new CollectionStore(graph), clock);
            importer = new MarkdownImport(articles, people, expertise, paths, collections, clock);
            search = new SearchService(index, new SearchLogStore(graph), new DirectoryStore(graph), clock);
            closeInReverse.add(search);
            experts = new ExpertService(index, expertise, clock);
            closeInReverse.add(experts);
            questions = new QuestionService(questionStore, articles, experts, index, sync, clock);
            moderation = new ModerationService(new ModerationStore(graph), sync, clock);
            promotions = new PromotionService(new PromotionStore(graph), articles, clock);
            readiness = new Readiness(
                    articleStore::currentSeq,
                    index::appliedSeq,
                    config.ops().readyMaxIndexLag(),
                    () -> seeding.problem());
            metrics.gauge("lore.index.lag", "Changes the search index is behind the graph", readiness::indexLag);
            metrics.gauge("lore.index.applied.seq", "The last change the search index applied", index::appliedSeq);
            search.measure(metrics);
            experts.measure(metrics);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Connects to the configured Neo4j (starting the embedded one in the data directory when no
     * URI is set) and appends what must be closed, in opening order, to {@code closeInReverse}.
     */
    private static Graph connect(Config config, List<AutoCloseable> closeInReverse, TransactionTimer timer) {
        Graph graph;
        int attempts = config.ops().neo4jConnectAttempts();
        if (config.neo4jUri().isPresent()) {
            graph = Graph.connect(config.neo4jUri().get(), config.neo4jUser(), config.neo4jPassword(), attempts, timer);
            LOG.info("Connected to Neo4j at {}", config.neo4jUri().get());
        } else {
            EmbeddedNeo4j embedded = EmbeddedNeo4j.start(config.storeDir(), 0, config.pageCacheBytes());
            closeInReverse.add(embedded);
            graph = Graph.connect(embedded.boltUri(), EmbeddedNeo4j.USER, embedded.password(), attempts, timer);
        }
        closeInReverse.add(graph);
        return graph;
    }

    /**
     * The graph alone, as {@link #open} connects to it, with no schema applied, no index and no
     * services: for backups and restores from the command line. Closing it stops the embedded
     * database.
     */
    public static OpenGraph openGraph(Config config) {
        var resources = new ArrayList<AutoCloseable>();
        try {
            return new OpenGraph(connect(config, resources, TransactionTimer.NONE), resources);
        } catch (RuntimeException e) {
            new OpenGraph(null, resources).close();
            throw e;
        }
    }

    /** A graph connection and what to close with it (the driver, the embedded database). */
    public record OpenGraph(Graph graph, List<AutoCloseable> resources) implements AutoCloseable {
        @Override
        public void close() {
            for (int i = resources.size() - 1; i >= 0; i--) {
                try {
                    resources.get(i).close();
                } catch (Exception e) {
                    LOG.warn(
                            "Closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    /** Opens the graph and index, catches the index up, and makes sure an admin exists. */
    public static Lore open(Config config) {
        return open(config, new Passwords());
    }

    static Lore open(Config config, Passwords passwords) {
        return open(config, passwords, Clock.systemUTC());
    }

    /** With another clock: tests use one they can set, to do things at chosen times. */
    static Lore open(Config config, Passwords passwords, Clock clock) {
        var lore = new Lore(config, passwords, clock);
        try {
            int applied = lore.sync.catchUp();
            if (applied > 0) {
                LOG.info("Index caught up with {} changes", applied);
            }
            lore.ensureAdmin();
            lore.demoMode();
            lore.forgetOldSignInFailures();
            if (new Settings(lore.graph).get(WRITTEN_ABOUT).isEmpty()) {
                dev.lore.graph.expertise.WrittenAbout.rebuild(lore.graph);
                new Settings(lore.graph).put(WRITTEN_ABOUT, "1");
            }
            if (new Settings(lore.graph).get(LAST_ACTIVE).isEmpty()) {
                lore.experts.store().backfillLastActive();
                new Settings(lore.graph).put(LAST_ACTIVE, "1");
            }
            lore.extraction.submitWaiting();
            int replayed = lore.articleStore.backfillAttribution();
            if (replayed > 0) {
                LOG.info("Attributed the lines of {} articles saved before line attribution", replayed);
            }
        } catch (RuntimeException e) {
            lore.close();
            throw e;
        }
        return lore;
    }

    /**
     * As {@link #open(Config, Passwords, Clock)}; {@code indexTimer} false leaves the index to the
     * catch-up after each write and to explicit {@link IndexSync#catchUp} calls, so it moves only
     * when a test says (writes made behind the services' back stay unindexed until then).
     */
    static Lore open(Config config, Passwords passwords, Clock clock, boolean indexTimer) {
        Lore lore = open(config, passwords, clock);
        lore.indexTimer = indexTimer;
        return lore;
    }

    /**
     * Demo mode announces itself; a start without it revokes what a demo handed out (sessions and
     * API tokens issued while the demo password worked).
     */
    private void demoMode() {
        if (config.demo()) {
            LOG.warn(
                    "Demo mode: the seed pack's people sign in with the published password '{}'. Never keep real content in a demo.",
                    SeedPack.DEMO_PASSWORD);
            return;
        }
        int revoked = auth.revokeDemoTokens();
        if (revoked > 0) {
            LOG.info("Revoked {} sessions and tokens issued in demo mode", revoked);
        }
    }

    /** Forgets sign-in failures old enough not to count any more. */
    private void forgetOldSignInFailures() {
        int removed = loginThrottle.removeStale();
        if (removed > 0) {
            LOG.info("Forgot the sign-in failures of {} accounts and addresses", removed);
        }
    }

    /** Loads the bundled seed pack once, into a store that has no articles yet. */
    public void seedIfEmpty(Progress progress) {
        if (!needsSeed()) {
            return;
        }
        LOG.info("Empty store: loading the bundled seed pack");
        SeedPack.load(importer, ADMIN_ID, progress);
        new Settings(graph).put(SEEDED, clock.instant().toString());
    }

    private boolean needsSeed() {
        return config.seed() && new Settings(graph).get(SEEDED).isEmpty() && articles.count() == 0;
    }

    /**
     * Loads the bundled seed pack into an empty store on a background thread, so the server can
     * answer (and report not ready) meanwhile. Closing Lore stops it between batches.
     */
    public synchronized void seedInBackground() {
        if (closed || !needsSeed()) {
            return;
        }
        seeding = BackgroundLoad.start("loading the seed pack", "lore-seed", stopAsked -> {
            seedIfEmpty((done, total, what) -> {
                if (stopAsked.getAsBoolean()) {
                    throw new CancellationException("Lore is stopping");
                }
            });
            sync.catchUp(); // what the pack changed outside article and people writes (skills)
        });
        closeInReverse.add(seeding);
    }

    /** Why this server should not get traffic yet, if so. */
    public Readiness readiness() {
        return readiness;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** The start-up load of the seed pack (finished at once when there is nothing to load). */
    public BackgroundLoad seeding() {
        return seeding;
    }

    /** Starts the HTTP server and the background index catch-up. */
    public synchronized WebServer serve() {
        var pages = new Pages(new Ui(), config.demo());
        var security = new Security(auth, tokens, config.secureCookies(), config.trustedProxies());
        var expertRoutes = new ExpertRoutes(experts, people, articles, clock);
        var verificationRoutes = new VerificationRoutes(
                new VerificationService(new VerificationStore(graph), clock),
                pages,
                id -> people.find(id).map(Person::name).orElse(id));
        var questionPages = new QuestionPages(questions, promotions, pages, clock);
        var pathPages = new PathPages(paths, collections, pages, clock);
        var moderationPages = new ModerationPages(moderation, pages, clock);
        var packStore = new PackStore(graph);
        web = WebServer.start(
                config.host(),
                config.port(),
                config.ops(),
                config.files().maxFileBytes(),
                metrics,
                security,
                new ErrorMapping(pages),
                List.of(
                        new HomeRoutes(
                                        articles,
                                        people,
                                        graph,
                                        experts.store(),
                                        questions,
                                        pathPages,
                                        index,
                                        pages,
                                        clock)::register,
                        new ArticleApi(
                                        articles,
                                        article -> promotions.origin(article).map(QuestionRoutes::originJson))
                                ::register,
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
                                pathPages::openSteps)::register,
                        verificationRoutes::register,
                        new GapsRoutes(new GapsService(new GapsStore(graph), search, experts, clock), pages, clock)
                                ::register,
                        new ModerationRoutes(moderation)::register,
                        moderationPages::register,
                        new SearchRoutes(
                                        search,
                                        pages,
                                        clock,
                                        text -> ExpertPages.panel(
                                                () -> experts.experts(text, 3, false, java.util.Set.of())))::register,
                        new AuthRoutes(auth, security, pages)::register,
                        new PersonRoutes(
                                        people,
                                        articleStore,
                                        pages,
                                        clock,
                                        expertRoutes::profile,
                                        config.publicPeople())::register,
                        expertRoutes::register,
                        new ExpertPages(
                                        experts,
                                        people,
                                        pages,
                                        clock,
                                        questionPages::taught,
                                        pathPages::skillCollections)::register,
                        new QuestionRoutes(questions, promotions)::register,
                        questionPages::register,
                        new PathRoutes(paths, collections)::register,
                        pathPages::register,
                        new CollectionPages(collections, articles, packStore, pages)::register,
                        new SeedPackRoutes(
                                new SeedPacks(importer, articles, collections, people, experts.store(), packStore),
                                collections,
                                packStore,
                                pages,
                                clock)::register,
                        new ImpactRoutes(new ImpactService(new ImpactStore(graph), clock), pages)::register,
                        new BackupRoutes(new Backups(graph, clock))::register,
                        new OpsRoutes(readiness, metrics, config.ops().metrics())::register,
                        new AttachmentRoutes(attachments)::register));
        closeInReverse.add(web);
        if (indexTimer) {
            sync.startTimer(2_000);
        }
        return web;
    }

    private void ensureAdmin() {
        if (people.find(ADMIN_ID).isPresent()) {
            return;
        }
        boolean generated = config.adminPassword().isEmpty();
        String password =
                config.adminPassword().orElseGet(() -> tokens.newToken().substring(0, 20));
        people.create(ADMIN_ID, "Administrator", "", "", "Lore administrator", Role.ADMIN, Optional.of(password));
        if (generated) {
            LOG.warn(
                    "Created the first admin account. Sign in as '{}' with password '{}' (shown once; set LORE_ADMIN_PASSWORD to choose it)",
                    ADMIN_ID,
                    password);
        } else {
            LOG.info("Created the first admin account '{}' with the password from LORE_ADMIN_PASSWORD", ADMIN_ID);
        }
    }

    /** The HTTP port once {@link #serve()} ran. */
    int webPort() {
        if (web == null) {
            throw new IllegalStateException("not serving");
        }
        return web.port();
    }

    /** The HTTP server once {@link #serve()} ran. */
    WebServer webServer() {
        if (web == null) {
            throw new IllegalStateException("not serving");
        }
        return web;
    }

    /** The embedded database's Bolt address and password, for a second server in tests. */
    Optional<Config> sharedGraph(Config other) {
        return embedded.map(e -> other.withNeo4j(e.boltUri(), EmbeddedNeo4j.USER, e.password()));
    }

    void ensureAdminForTests() {
        ensureAdmin();
    }

    public Config config() {
        return config;
    }

    public Graph graph() {
        return graph;
    }

    public ArticleService articles() {
        return articles;
    }

    public PersonService people() {
        return people;
    }

    public AuthService auth() {
        return auth;
    }

    public LoreIndex index() {
        return index;
    }

    public IndexSync sync() {
        return sync;
    }

    public ExpertService experts() {
        return experts;
    }

    public QuestionService questions() {
        return questions;
    }

    public PathService paths() {
        return paths;
    }

    public CollectionService collections() {
        return collections;
    }

    public ModerationService moderation() {
        return moderation;
    }

    public AttachmentService attachments() {
        return attachments;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public SearchService search() {
        return search;
    }

    public MarkdownImport importer() {
        return importer;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = closeInReverse.size() - 1; i >= 0; i--) {
            AutoCloseable resource = closeInReverse.get(i);
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
        LOG.info("Lore stopped");
    }
}
