package dev.lore.server.pagetemplate;

import dev.lore.graph.pagetemplate.TemplateStore;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.error.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Page templates: Markdown a new page starts from, with placeholders {@code {{title}}}, {@code
 * {{date}}} and {@code {{author}}} filled in when the editor opens. Lore bundles one per page kind
 * (runbook, how-to, decision record, onboarding checklist, lesson); champions edit them, and a
 * reset brings the bundled one back. Thread-safe.
 */
public final class PageTemplates {
    /** The most a template may hold. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final Map<String, String> LABELS = labels();

    private final TemplateStore store;
    private final Clock clock;
    private final Map<String, String> bundled;

    public PageTemplates(TemplateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        var defaults = new LinkedHashMap<String, String>();
        LABELS.keySet().forEach(name -> defaults.put(name, bundled(name)));
        this.bundled = Map.copyOf(defaults);
    }

    private static Map<String, String> labels() {
        var labels = new LinkedHashMap<String, String>();
        labels.put("runbook", "Runbook");
        labels.put("how-to", "How-to");
        labels.put("decision-record", "Decision record");
        labels.put("onboarding-checklist", "Onboarding checklist");
        labels.put("lesson", "Lesson learned");
        return labels;
    }

    /** A template as it applies now. {@code edited} when a champion changed the bundled one. */
    public record Template(String name, String label, String markdown, boolean edited, Optional<String> editedBy) {}

    /** Every template, in the order "New page" offers them. */
    public List<Template> list() {
        return LABELS.keySet().stream().map(this::get).toList();
    }

    public Template get(String name) {
        String label = Optional.ofNullable(LABELS.get(name))
                .orElseThrow(() -> new NotFoundException("no page template '" + name + "'; known: " + LABELS.keySet()));
        return store.find(name)
                .map(s -> new Template(name, label, s.markdown(), true, Optional.of(s.updatedBy())))
                .orElseGet(() -> new Template(name, label, bundled.get(name), false, Optional.empty()));
    }

    /** A champion's new version of a template. */
    public Template save(String name, String markdown, String championId) {
        get(name);
        if (markdown == null || markdown.isBlank()) {
            throw new InvalidInputException("markdown is required: the template's text");
        }
        int bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new TooLargeException("a template must be at most " + MAX_BYTES + " bytes, was " + bytes);
        }
        store.save(name, markdown.replace("\r\n", "\n"), championId, clock.instant());
        return get(name);
    }

    /** Brings the bundled template back. */
    public Template reset(String name) {
        get(name);
        store.reset(name);
        return get(name);
    }

    /** The template's text with its placeholders filled in. */
    public String fill(String name, String title, String authorName) {
        return fill(get(name).markdown(), title, authorName, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    static String fill(String markdown, String title, String authorName, LocalDate date) {
        return markdown.replace("{{title}}", title.isBlank() ? "Title" : title)
                .replace("{{date}}", date.toString())
                .replace("{{author}}", authorName);
    }

    private static String bundled(String name) {
        try (InputStream in = PageTemplates.class.getResourceAsStream("/page-templates/" + name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("bundled page template missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
