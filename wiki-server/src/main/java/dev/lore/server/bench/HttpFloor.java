package dev.lore.server.bench;

import dev.lore.server.web.Json;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.Map;

/**
 * The HTTP floor: a bare Javalin in the same JVM answering {@code GET /floor} with a fixed small
 * JSON (through the same Jackson mapper as Lore), so what the HTTP client, Jetty and JSON cost per
 * request is measured apart from Lore's work.
 */
final class HttpFloor implements AutoCloseable {
    private static final Map<String, Object> BODY = Map.of("ok", true, "items", java.util.List.of("a", "b", "c"));

    private final Javalin app;

    HttpFloor() {
        app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.jsonMapper(new JavalinJackson(Json.mapper(), false));
                    config.routes.get("/floor", ctx -> ctx.json(BODY));
                })
                .start("localhost", 0);
    }

    String url() {
        return "http://localhost:" + app.port() + "/floor";
    }

    @Override
    public void close() {
        app.stop();
    }
}
