package dev.lore.server.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lore.graph.article.Article;
import dev.lore.graph.article.Revision;
import dev.lore.graph.attachment.Attachment;
import dev.lore.graph.learning.FeaturedCollection;
import dev.lore.graph.person.Person;
import dev.lore.server.article.ArticleService;
import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.person.PersonService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes articles in the seed-pack format {@link MarkdownImport} reads: {@code <slug>.md} per
 * article (front matter with title, tags, skills, owner, and the author and date of its current
 * revision, then its stored Markdown exactly as it is), {@code people.json} with those owners and
 * authors (no roles, no passwords) and {@code collections.json} with the collections of exported
 * articles. A publishing format for moving pages, not a backup: only each article's current text
 * travels (see {@code lore backup} for everything). With the page tree, a page with children is
 * written as {@code slug/index.md} with its children in that folder ({@link PackTree}).
 */
public final class Export {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ArticleService articles;
    private final PersonService people;
    private final Collection<FeaturedCollection> collections;
    private final Optional<AttachmentService> attachments;

    private java.util.Optional<dev.lore.server.article.PageTreeService> tree = java.util.Optional.empty();

    public Export(ArticleService articles, PersonService people, Collection<FeaturedCollection> collections) {
        this(articles, people, collections, Optional.empty());
    }

    /**
     * With {@code attachments}, each page's files travel too: in {@code files/<slug>/}, with the
     * page's links to them made relative ({@link #attachmentFiles}).
     */
    public Export(
            ArticleService articles,
            PersonService people,
            Collection<FeaturedCollection> collections,
            Optional<AttachmentService> attachments) {
        this.articles = articles;
        this.people = people;
        this.collections = collections;
        this.attachments = attachments;
    }

    /** Writes the page tree as folders. */
    public Export withTree(dev.lore.server.article.PageTreeService tree) {
        this.tree = java.util.Optional.of(tree);
        return this;
    }

    /** Each exported page's file name, in folders as the tree says (flat without the tree). */
    private Map<String, String> fileNames(Set<String> slugs) {
        var parents = new java.util.HashMap<String, String>();
        tree.ifPresent(t -> t.all().forEach(n -> n.parent().ifPresent(p -> parents.put(n.slug(), p))));
        return PackTree.files(slugs, slug -> java.util.Optional.ofNullable(parents.get(slug)));
    }

    /** Writes every live article to {@code dir}; returns how many were written. */
    public int exportTo(Path dir, Progress progress) {
        try {
            Files.createDirectories(dir);
            long total = articles.count();
            var slugs = new LinkedHashSet<String>();
            for (int offset = 0; offset < total; offset += 200) {
                articles.list(offset, 200).forEach(summary -> slugs.add(summary.slug()));
            }
            int[] written = {0};
            Map<String, String> files =
                    files(slugs, collections, () -> progress.update(++written[0], slugs.size(), "articles"));
            for (var file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            for (var file : attachmentFiles(slugs).entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                try (InputStream in = open(file.getValue())) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return written[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export to " + dir, e);
        }
    }

    /**
     * The files of a pack holding the articles at {@code slugs} (file name to text): their Markdown
     * files, {@code people.json} and, for the {@code chosen} collections that hold any of them,
     * {@code collections.json}. {@code each} runs after each article.
     */
    public Map<String, String> files(Set<String> slugs, Collection<FeaturedCollection> chosen, Runnable each) {
        var files = new LinkedHashMap<String, String>();
        var credited = new LinkedHashSet<String>();
        Map<String, String> names = fileNames(slugs);
        for (String slug : slugs) {
            Article a = articles.find(slug).article();
            Revision current = articles.revision(a.slug(), a.revision());
            a.owner().ifPresent(credited::add);
            credited.add(current.author().id());
            String file = names.getOrDefault(a.slug(), a.slug() + ".md");
            files.put(
                    file,
                    toMarkdown(a, current, PageFileLinks.relative(a.markdown(), fromPage(file, pageFiles(a.slug())))));
            each.run();
        }
        var peopleJson = new ArrayList<Map<String, Object>>();
        for (String id : credited) {
            people.find(id).ifPresent(p -> peopleJson.add(personJson(p)));
        }
        if (!peopleJson.isEmpty()) {
            files.put("people.json", json(peopleJson));
        }
        var collectionJson = new ArrayList<Map<String, Object>>();
        for (FeaturedCollection c : chosen) {
            List<String> inPack = c.articles().stream()
                    .map(FeaturedCollection.Featured::slug)
                    .filter(slugs::contains)
                    .toList();
            if (!inPack.isEmpty()) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("title", c.title());
                entry.put("description", c.description());
                entry.put("skill", c.skill().orElse(null));
                entry.put("onHome", c.onHome());
                entry.put("articles", inPack);
                collectionJson.add(entry);
            }
        }
        if (!collectionJson.isEmpty()) {
            files.put("collections.json", json(collectionJson));
        }
        return files;
    }

    /**
     * An article as a pack file: its metadata as front matter, then its stored Markdown unchanged
     * (which may hold a front matter block of its own: the import strips only the first block).
     */
    static String toMarkdown(Article a, Revision current) {
        return toMarkdown(a, current, a.markdown());
    }

    /** As {@link #toMarkdown(Article, Revision)} with {@code markdown} as the page's text. */
    static String toMarkdown(Article a, Revision current, String markdown) {
        var out = new StringBuilder("---\n");
        out.append("title: ").append(quote(a.title())).append('\n');
        out.append("tags: ").append(list(a.tags())).append('\n');
        out.append("skills: ").append(list(a.skills())).append('\n');
        a.owner().ifPresent(owner -> out.append("owner: ").append(quote(owner)).append('\n'));
        if (a.isLesson()) {
            out.append("kind: lesson\n");
        }
        out.append("author: ").append(quote(current.author().id())).append('\n');
        out.append("date: ").append(quote(current.at().toString())).append('\n');
        out.append("---\n");
        out.append(markdown);
        return out.toString();
    }

    /**
     * The files of the pages at {@code slugs}, by their path in the pack ({@code files/<slug>/<name>},
     * a name made unique within its page); none without attachments.
     */
    public Map<String, Attachment> attachmentFiles(Set<String> slugs) {
        var all = new LinkedHashMap<String, Attachment>();
        for (String slug : slugs) {
            for (var f : pageFiles(slug).entrySet()) {
                all.put(f.getValue(), f.getKey());
            }
        }
        return all;
    }

    /** The bytes of an exported file's latest version. */
    public InputStream open(Attachment a) {
        return attachments.orElseThrow().open(a.sha256(), 0, a.size());
    }

    /**
     * The pack paths of a page's files as its Markdown at {@code file} reaches them: one {@code ../}
     * per folder the page sits in (a child page is written under its parent's folder).
     */
    private static Map<Attachment, String> fromPage(String file, Map<Attachment, String> paths) {
        String up = "../".repeat((int) file.chars().filter(c -> c == '/').count());
        if (up.isEmpty()) {
            return paths;
        }
        var relative = new LinkedHashMap<Attachment, String>();
        paths.forEach((a, path) -> relative.put(a, up + path));
        return relative;
    }

    /** A page's files and their paths in the pack. */
    private Map<Attachment, String> pageFiles(String slug) {
        if (attachments.isEmpty()) {
            return Map.of();
        }
        return PageFileLinks.paths(slug, attachments.get().onPage("article", slug, true));
    }

    /** A person as people.json lists them: no role and no password travel with a pack. */
    private static Map<String, Object> personJson(Person p) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("id", p.id());
        entry.put("name", p.name());
        entry.put("email", p.email());
        entry.put("team", p.team());
        entry.put("title", p.title());
        return entry;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String list(List<String> values) {
        return values.stream().map(Export::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
