package dev.lore.server;

import dev.lore.graph.EmbeddedNeo4j;
import dev.lore.graph.Graph;
import dev.lore.graph.Schema;
import dev.lore.graph.Settings;
import dev.lore.graph.StoreShape;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Passwords;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.learning.CollectionService;
import dev.lore.server.learning.PathService;
import dev.lore.server.moderation.ModerationService;
import dev.lore.server.ops.BackgroundLoad;
import dev.lore.server.ops.Metrics;
import dev.lore.server.ops.Readiness;
import dev.lore.server.ops.WarmUp;
import dev.lore.server.person.PersonService;
import dev.lore.server.question.QuestionService;
import dev.lore.server.search.IndexSync;
import dev.lore.server.search.SearchService;
import dev.lore.server.seed.MarkdownImport;
import dev.lore.server.seed.Progress;
import dev.lore.server.seed.SeedPack;
import dev.lore.server.web.WebServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: connects to the graph and builds every long-lived object once, in
 * dependency order ({@link Components}), brings the store up to date on open, serves, and closes
 * everything in reverse (web server, index catch-up, index, driver, embedded database). Closing is
 * idempotent and safe from a shutdown hook.
 */
public final class Lore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lore.class);
    public static final String ADMIN_ID = "admin";
    private static final String SEEDED = "seed.loaded";
    private static final String SEEDING = "seed.loading";
    private static final java.time.Duration SEED_LEASE = java.time.Duration.ofMinutes(30);
    private static final java.time.Duration EMBEDDED_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final Config config;
    private final List<AutoCloseable> closeInReverse = new ArrayList<>();
    private final Clock clock;
    private final Graph graph;
    private final Metrics metrics;
    private final Components components;
    private volatile BackgroundLoad seeding = BackgroundLoad.none("seed pack");
    private volatile BackgroundLoad migrating = BackgroundLoad.none("start-up checks and migrations");
    private volatile BackgroundLoad warming = BackgroundLoad.none("warming up the most visited pages");
    /** The start-up checks and migrations that {@link #serve} starts, when they wait for it. */
    private Optional<Runnable> startUpWhenServing = Optional.empty();

    private WebServer web;
    private boolean closed;
    /** Whether {@link #serve} starts the timed index catch-up; tests catch up when they say. */
    private boolean indexTimer = true;

    private Optional<EmbeddedNeo4j> embedded = Optional.empty();
    private final StartPhases phases = new StartPhases();

    private Lore(Config config, Passwords passwords, Clock clock) {
        this.config = config;
        this.clock = clock;
        // the search index (and the embedding model it loads) does not need the database: open it
        // while the database starts, so a start costs the longer of the two, not their sum
        var index = IndexOpening.start(config);
        boolean indexHandedOver = false;
        try {
            metrics = new Metrics();
            closeInReverse.add(metrics);
            graph = OpenGraph.connect(config, closeInReverse, metrics.transactionTimer());
            phases.mark("database");
            embedded = closeInReverse.stream()
                    .filter(EmbeddedNeo4j.class::isInstance)
                    .map(EmbeddedNeo4j.class::cast)
                    .findFirst();
            // the embedded database says what it has without a Cypher query (the first ones a JVM
            // plans are slow); another Neo4j is asked through Cypher
            var shape = embedded.map(EmbeddedNeo4j::shape).orElseGet(() -> StoreShape.read(graph));
            Schema.apply(graph, shape, embedded);
            dev.lore.graph.notify.NotifySchema.apply(graph, shape, embedded);
            phases.mark("schema");
            // The first query a JVM plans loads and warms Cypher's whole planner (seconds on two
            // cores); a trivial one planned now, beside building the services and the web server,
            // spares the first requests that wait.
            Thread.ofPlatform().name("lore-warm-planner").daemon(true).start(graph::isUp);
            LoreIndex opened = index.await();
            closeInReverse.add(opened);
            indexHandedOver = true;
            phases.beside("index", index.took());
            phases.mark("waiting for the index");
            components = new Components(
                    config, passwords, clock, graph, opened, metrics, closeInReverse, this::startupProblem);
            phases.mark("services");
        } catch (RuntimeException e) {
            if (!indexHandedOver) {
                index.closeQuietly();
            }
            close();
            throw e;
        }
    }

    /** Opens the graph and index, catches the index up, and makes sure an admin exists. */
    public static Lore open(Config config) {
        return open(config, new Passwords());
    }

    /** With another clock, for tools that decide the time themselves (benchmarks). */
    public static Lore open(Config config, Clock clock) {
        return open(config, new Passwords(), clock);
    }

    static Lore open(Config config, Passwords passwords) {
        return open(config, passwords, Clock.systemUTC());
    }

    /** With another clock: tests use one they can set, to do things at chosen times. */
    static Lore open(Config config, Passwords passwords, Clock clock) {
        return open(config, passwords, clock, true, true);
    }

    /**
     * As {@link #open(Config)}, but the index catches up only once {@link #serve} started its timer:
     * a server with an empty or old index answers (not ready, on {@code /api/ready}) while it builds
     * it from the graph, instead of listening only once it has. The start-up checks and migrations
     * ({@link StartUp}) run in the background too, from {@link #serve} on; sign-ins and credentials
     * wait for the checks.
     * For {@code lore serve}.
     */
    public static Lore openIndexingInBackground(Config config) {
        return open(config, new Passwords(), Clock.systemUTC(), false, true, true);
    }

    static Lore open(Config config, Passwords passwords, Clock clock, boolean catchUpFirst, boolean indexTimer) {
        return open(config, passwords, clock, catchUpFirst, indexTimer, false);
    }

    private static Lore open(
            Config config,
            Passwords passwords,
            Clock clock,
            boolean catchUpFirst,
            boolean indexTimer,
            boolean startUpInBackground) {
        var lore = new Lore(config, passwords, clock);
        lore.indexTimer = indexTimer;
        try {
            int applied = catchUpFirst ? lore.components.sync.catchUp() : 0;
            if (applied > 0) {
                LOG.info("Index caught up with {} changes", applied);
            }
            lore.phases.mark("index catch-up");
            var startUp = new StartUp(config, lore.graph, lore.components, clock);
            if (startUpInBackground) {
                // once the server listens, beside it: sign-ins and credentials wait for the checks,
                // readiness for everything
                lore.startUpOnceServing(startUp);
            } else {
                startUp.run();
            }
            lore.phases.mark("start-up tasks");
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
        return open(config, passwords, clock, true, indexTimer);
    }

    private synchronized void startUpOnceServing(StartUp startUp) {
        var checked = new java.util.concurrent.CompletableFuture<Void>();
        components.auth.waitFor(checked);
        // started by serve(): before it, nothing can ask; run earlier, its queries' planning would
        // compete with building the services and the web server for the same cores
        startUpWhenServing = Optional.of(() -> startUpInBackground(startUp, checked));
    }

    private synchronized void startUpInBackground(
            StartUp startUp, java.util.concurrent.CompletableFuture<Void> checked) {
        migrating = BackgroundLoad.start("start-up checks and migrations", "lore-start-up", stopAsked -> {
            try {
                startUp.secure();
                checked.complete(null);
            } catch (RuntimeException e) {
                checked.completeExceptionally(e);
                throw e;
            }
            startUp.migrate();
        });
        closeInReverse.add(migrating);
    }

    /** The start-up checks and migrations when they run in the background (finished at once otherwise). */
    BackgroundLoad startingUp() {
        return migrating;
    }

    /** Why start-up work this server does in the background is not done yet, if so. */
    private Optional<String> startupProblem() {
        // warming never fails the start: only while it runs does it hold readiness back
        return migrating.problem().or(() -> seeding.problem()).or(() -> warming.stillRunning());
    }

    /** Loads the bundled seed pack once, into a store that has no articles yet. */
    public void seedIfEmpty(Progress progress) {
        // of several servers starting on one empty store, the one that claims the load does it
        if (!needsSeed() || !new Settings(graph).claim(SEEDING, clock.instant(), SEED_LEASE)) {
            return;
        }
        LOG.info("Empty store: loading the bundled seed pack");
        SeedPack.load(components.importer, ADMIN_ID, progress);
        new Settings(graph).put(SEEDED, clock.instant().toString());
    }

    private boolean needsSeed() {
        return config.seed() && new Settings(graph).get(SEEDED).isEmpty() && components.articles.count() == 0;
    }

    /**
     * Loads the bundled seed pack into an empty store on a background thread, so the server can
     * answer (and report not ready) meanwhile. Closing Lore stops it between batches.
     */
    public synchronized void seedInBackground() {
        if (closed || !needsSeed()) {
            return;
        }
        var migrations = migrating;
        seeding = BackgroundLoad.start("loading the seed pack", "lore-seed", stopAsked -> {
            // the pack's writes come after the migrations, which read the store as it was
            while (!migrations.await(java.time.Duration.ofSeconds(1))) {
                if (stopAsked.getAsBoolean()) {
                    throw new CancellationException("Lore is stopping");
                }
            }
            seedIfEmpty((done, total, what) -> {
                if (stopAsked.getAsBoolean()) {
                    throw new CancellationException("Lore is stopping");
                }
            });
            components.sync.catchUp(); // what the pack changed outside article and people writes (skills)
        });
        closeInReverse.add(seeding);
    }

    /**
     * Opens the most visited pages, anonymously and as signed-in people, once the start-up checks
     * and the seed pack are done ({@link WarmUp}); after {@link #serve}. Readiness waits for it.
     */
    public BackgroundLoad warmUpInBackground(java.util.function.Consumer<WarmUp.Outcome> outcome) {
        return warmUpInBackground(outcome, BackgroundLoad.none("nothing"), WarmUp.LIMIT);
    }

    /** As above, once {@code alsoAfter} has ended too, for up to {@code limit} (tests choose both). */
    synchronized BackgroundLoad warmUpInBackground(
            java.util.function.Consumer<WarmUp.Outcome> outcome, BackgroundLoad alsoAfter, java.time.Duration limit) {
        if (closed || web == null) {
            throw new IllegalStateException("warming up needs a serving Lore");
        }
        warming = WarmUp.start(
                WarmUp.local(config.host(), web.port()),
                List.of(migrating, seeding, alsoAfter),
                limit,
                () -> WarmPlan.of(components.articles, components.people, components.auth, components.tokens),
                components.warmPass,
                outcome);
        closeInReverse.add(warming);
        return warming;
    }

    /** Why this server should not get traffic yet, if so. */
    public Readiness readiness() {
        return components.readiness;
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
        web = WebServer.start(
                config.host(),
                config.port(),
                config.ops(),
                config.files().maxFileBytes(),
                metrics,
                components.security,
                components.errors,
                components.features);
        closeInReverse.add(web);
        phases.mark("web server");
        LOG.info("Started in {} ms: {}", phases.sinceJvmStart(), phases.summary());
        startUpWhenServing.ifPresent(Runnable::run);
        startUpWhenServing = Optional.empty();
        if (indexTimer) {
            components.sync.startTimer(config.ops().indexPoll(), IndexSync.COMMIT_EVERY);
            components.outbox.start(components.notifyConfig.interval());
            closeInReverse.add(new dev.lore.server.question.RouteFurtherTimer(components.questions, 300));
            closeInReverse.add(new dev.lore.server.notify.PeriodicSweep(
                    "lore-stale-reminders",
                    java.time.Duration.ofHours(1),
                    "Owners reminded of pages due for review",
                    components.staleReminders::sweep));
        }
        return web;
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
        new StartUp(config, graph, components, clock).ensureAdmin();
    }

    public Config config() {
        return config;
    }

    public Graph graph() {
        return graph;
    }

    public ArticleService articles() {
        return components.articles;
    }

    public PersonService people() {
        return components.people;
    }

    public AuthService auth() {
        return components.auth;
    }

    public LoreIndex index() {
        return components.index;
    }

    public IndexSync sync() {
        return components.sync;
    }

    public ExpertService experts() {
        return components.experts;
    }

    public QuestionService questions() {
        return components.questions;
    }

    public PathService paths() {
        return components.paths;
    }

    public CollectionService collections() {
        return components.collections;
    }

    public ModerationService moderation() {
        return components.moderation;
    }

    /** Inboxes, watches and notification preferences. */
    public dev.lore.server.notify.NotificationService notifications() {
        return components.notify;
    }

    /** Email and webhook delivery: flushed by tests, on a timer otherwise. */
    public dev.lore.server.notify.NotifyOutbox outbox() {
        return components.outbox;
    }

    /** Reminds owners of pages due for review: on a timer, or when a test calls it. */
    public dev.lore.server.notify.StaleReminders staleReminders() {
        return components.staleReminders;
    }

    /** Signs and checks the unsubscribe links of emails. */
    public dev.lore.server.notify.Unsubscribes unsubscribes() {
        return components.unsubscribes;
    }

    public dev.lore.server.attachment.AttachmentService attachments() {
        return components.attachments;
    }

    public dev.lore.server.attachment.BlobStore blobs() {
        return components.blobs;
    }

    public SearchService search() {
        return components.search;
    }

    public MarkdownImport importer() {
        return components.importer;
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
