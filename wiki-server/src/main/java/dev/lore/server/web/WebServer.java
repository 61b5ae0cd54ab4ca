package dev.lore.server.web;

import dev.lore.server.Operations;
import dev.lore.server.ops.Metrics;
import dev.lore.ui.Ui;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin with Lore's JSON mapping, static assets, security filter, error mapping
 * and every feature's routes, behind a {@link RequestGuard} (request ids, upload slots, body
 * deadline). Every request is counted in the metrics by its route template, and one slower than
 * {@link Operations#slowRequest()} is logged. Stopping it is idempotent.
 */
public final class WebServer implements AutoCloseable {
    /** How long a stop waits for requests already running (a load balancer's usual drain time). */
    static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Larger than the 1 MiB Markdown limit, so JSON escaping never turns a legal body into a 413. */
    public static final long MAX_REQUEST_BYTES = 4L << 20;

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final Javalin app;
    private volatile boolean stopped;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts listening on {@code host} (an address of this machine; {@code 0.0.0.0} for all) and
     * {@code port} (0 for any free port).
     *
     * @param ops timeouts and limits for slow clients, and the slow-request threshold
     * @param maxFileBytes the largest file a multipart upload may carry
     * @param features each registers its routes
     */
    public static WebServer start(
            String host,
            int port,
            Operations ops,
            long maxFileBytes,
            Metrics metrics,
            Security security,
            ErrorMapping errors,
            List<Consumer<RoutesConfig>> features) {
        var guard = new RequestGuard(ops.maxUploads(), ops.bodyTimeout());
        var jetty = new AtomicReference<Server>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> {
                jetty.set(server);
                server.insertHandler(guard);
                // a stop stops taking connections, then lets requests already running finish (up
                // to STOP_GRACE): a write in flight is answered, not cut off after it committed
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(STOP_GRACE.toMillis());
            });
            config.jetty.addConnector((server, http) -> {
                var connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                connector.setIdleTimeout(ops.idleTimeout().toMillis());
                return connector;
            });
            config.requestLogger.http((ctx, ms) -> {
                String route = route(ctx);
                long nanos = (long) (ms * 1_000_000);
                metrics.request(ctx.method().name(), route, ctx.statusCode(), nanos);
                long slowNanos = ops.slowRequest().toNanos();
                if (ctx.statusCode() == 408 || ctx.statusCode() == 499) { // Javalin sets these without a trace
                    LOG.warn(
                            "{} {}: {}, answered {}",
                            ctx.method(),
                            ctx.path(),
                            ctx.statusCode() == 408
                                    ? "the request body did not arrive in time"
                                    : "the client went away",
                            ctx.statusCode());
                } else if (slowNanos > 0 && nanos >= slowNanos) {
                    LOG.warn(
                            "Slow request: {} {} took {} ms (route {}, status {})",
                            ctx.method(),
                            ctx.path(),
                            Math.round(ms),
                            route,
                            ctx.statusCode());
                }
            });
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            // an upload past the limit stops being read there (and answers 413), not once it is on disk
            config.jetty.multipartConfig.maxFileSize(maxFileBytes + 1, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(
                    maxFileBytes + (1L << 20), io.javalin.config.SizeUnit.BYTES);
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            // Long search queries travel in the URL; Jetty's default 8 KiB would answer 414.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(64 * 1024));
            config.jetty.modifyServletContextHandler(h -> h.setMaxFormContentSize((int) MAX_REQUEST_BYTES));
            config.staticFiles.add(files -> {
                files.hostedPath = Ui.STATIC_PATH;
                files.directory = Ui.STATIC_RESOURCES;
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before(security::before);
            config.routes.after(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "same-origin");
                ctx.header(
                        "Content-Security-Policy",
                        "default-src 'self'; img-src 'self' https: data:; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            });
            errors.register(config.routes);
            features.forEach(f -> f.accept(config.routes));
        });
        app.start(host, port);
        metrics.gauge("lore.http.uploads.active", "Requests sending a body now", guard::uploading);
        metrics.counter(
                "lore.http.uploads.rejected",
                "Requests turned away because every upload slot was taken",
                guard::rejected);
        if (jetty.get() != null && jetty.get().getThreadPool() instanceof QueuedThreadPool pool) {
            metrics.gauge("lore.http.threads", "HTTP worker threads", pool::getThreads, "state", "all");
            metrics.gauge("lore.http.threads", "HTTP worker threads", pool::getBusyThreads, "state", "busy");
            metrics.gauge("lore.http.queued", "Requests waiting for an HTTP worker thread", pool::getQueueSize);
        }
        LOG.info(
                "Lore is listening on http://{}:{}{}",
                dev.lore.graph.Hosts.inUri(host),
                app.port(),
                dev.lore.graph.Hosts.wildcard(host) ? " (every interface)" : "");
        return new WebServer(app);
    }

    /** The route template that answered ({@code /articles/{slug}}): a bounded label, unlike the path. */
    static String route(Context ctx) {
        Endpoint endpoint = null;
        try {
            endpoint = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException e) {
            // no route matched
        }
        if (endpoint != null && endpoint.path != null) {
            return endpoint.path;
        }
        String path = ctx.path();
        if (path.startsWith(Ui.STATIC_PATH) || path.startsWith("/webjars/")) {
            return "static";
        }
        return "unmatched";
    }

    public int port() {
        return app.port();
    }

    /** One HTTP route as registered: its method and path pattern (with {@code {param}} parts). */
    public record Route(String method, String path) {}

    /** Every HTTP route of the server, in the order registered (before and after filters left out). */
    public List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> new Route(e.endpoint.method.name(), e.endpoint.path))
                .filter(r -> HTTP_METHODS.contains(r.method()))
                .toList();
    }

    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            app.stop();
        }
    }
}
