package dev.lore.server.web;

import dev.lore.ui.Ui;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin with Lore's JSON mapping, static assets, security filter, error mapping
 * and every feature's routes. Stopping it is idempotent.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Larger than the 1 MiB Markdown limit, so JSON escaping never turns a legal body into a 413. */
    public static final long MAX_REQUEST_BYTES = 4L << 20;

    private final Javalin app;
    private volatile boolean stopped;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts listening on {@code host} (an address of this machine; {@code 0.0.0.0} for all) and
     * {@code port} (0 for any free port).
     *
     * @param features each registers its routes
     */
    public static WebServer start(
            String host, int port, Security security, ErrorMapping errors, List<Consumer<RoutesConfig>> features) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
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
        LOG.info(
                "Lore is listening on http://{}:{}{}",
                host.contains(":") ? "[" + host + "]" : host,
                app.port(),
                host.equals("0.0.0.0") || host.equals("::") ? " (every interface)" : "");
        return new WebServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            app.stop();
        }
    }
}
