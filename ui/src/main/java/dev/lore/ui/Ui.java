package dev.lore.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders Lore's pages from precompiled jte templates. Templates only present the view models
 * they are given (records in {@code dev.lore.ui.view}); they decide nothing. Thread-safe.
 */
public final class Ui {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Ui.class.getClassLoader(), "dev.lore.ui.generated");

    /**
     * Renders {@code template} (e.g. {@code "article/article.jte"}) with its parameters by name.
     */
    public String render(String template, Map<String, Object> params) {
        var out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }

    /** Classpath folder of CSS, JS and icons, to be served under {@link #STATIC_PATH}. */
    public static final String STATIC_RESOURCES = "/lore-static";

    /** URL path the static assets are served under. */
    public static final String STATIC_PATH = "/static";
}
