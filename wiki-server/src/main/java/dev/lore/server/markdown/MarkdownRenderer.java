package dev.lore.server.markdown;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;

/**
 * Lore's Markdown: CommonMark with GitHub tables, task lists, strikethrough, autolinks, heading
 * anchors, YAML front matter and {@code [[wiki links]]}. Output is always sanitized. The parser and
 * renderers are built once; this class is thread-safe.
 */
public final class MarkdownRenderer {
    private static final Pattern WIKI_LINK =
            Pattern.compile("\\[\\[([^\\[\\]|\\n]{1,200})(?:\\|([^\\[\\]\\n]{1,200}))?]]");
    private static final String MISSING_CLASS = "wiki-missing";

    private final Parser parser;
    private final HtmlRenderer html;
    private final TextContentRenderer text;
    private final HtmlSanitizer sanitizer;
    private final Mentions.People people;

    public MarkdownRenderer(HtmlSanitizer sanitizer) {
        this(sanitizer, Mentions.People.NONE);
    }

    /** @param people which {@code @id} mentions are people, to render as links to their profiles */
    public MarkdownRenderer(HtmlSanitizer sanitizer, Mentions.People people) {
        this.people = people;
        List<Extension> extensions = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                AutolinkExtension.create(),
                HeadingAnchorExtension.create(),
                TaskListItemsExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.html = HtmlRenderer.builder()
                .extensions(extensions)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Link link && link.getDestination().startsWith("/new?")) {
                        attributes.put("class", MISSING_CLASS);
                    } else if (node instanceof Link link
                            && link.getDestination().startsWith("/wiki/")) {
                        attributes.put("class", "wiki-link");
                    } else if (node instanceof Link link
                            && link.getDestination().startsWith("/people/")) {
                        attributes.put("class", "mention");
                    } else if (node instanceof Link link
                            && link.getDestination().startsWith("/files/")
                            && link.getFirstChild() instanceof Image) {
                        attributes.put("class", "file-image");
                    }
                })
                .build();
        // the first renderer for a node type wins, so tables render as TableText, not with pipes
        this.text = TextContentRenderer.builder()
                .nodeRendererFactory(TableText::new)
                .extensions(extensions)
                .build();
        this.sanitizer = sanitizer;
    }

    /** The wiki links in a page (front matter excluded, code spans and blocks ignored), in order. */
    public List<WikiLink> wikiLinks(String markdown) {
        return parse(markdown).wikiLinks();
    }

    /**
     * One parse of a page, for callers that need both its wiki links and its index text (bulk
     * imports), which would otherwise parse it twice.
     */
    public Parsed parse(String markdown) {
        return new Parsed(parser.parse(FrontMatter.parse(markdown).body()));
    }

    /**
     * A parsed page. Not thread-safe; {@link #forIndex} changes the tree, so it comes last and once.
     */
    public final class Parsed {
        private final Node document;

        private Parsed(Node document) {
            this.document = document;
        }

        /** See {@link MarkdownRenderer#wikiLinks}. */
        public List<WikiLink> wikiLinks() {
            var links = new LinkedHashMap<String, WikiLink>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Text node) {
                    Matcher m = WIKI_LINK.matcher(node.getLiteral());
                    while (m.find()) {
                        WikiLink link = toLink(m);
                        links.putIfAbsent(link.key() + "|" + link.label(), link);
                    }
                }
            });
            return List.copyOf(links.values());
        }

        /** See {@link MarkdownRenderer#forIndex}; call it once, after {@link #wikiLinks}. */
        public IndexText forIndex(String pageTitle) {
            var headings = new ArrayList<String>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(org.commonmark.node.Heading heading) {
                    headings.add(text.render(heading).strip());
                }
            });
            dropLeadingTitle(document, pageTitle);
            replaceWikiLinks(document, Map.of());
            unwrapLinks(document);
            return new IndexText(text.render(document), headings);
        }
    }

    /** The ids {@code @mentioned} in some Markdown (code and links excluded), known or not. */
    public java.util.Set<String> mentions(String markdown) {
        return Mentions.in(parser.parse(FrontMatter.parse(markdown).body()));
    }

    /**
     * Renders a page. {@code resolved} maps wiki-link keys to the slugs of existing pages; links whose
     * key is absent render as "create this page" links.
     */
    public Rendered render(String markdown, Map<String, String> resolved) {
        return render(markdown, resolved, "");
    }

    /**
     * Renders a page whose title is shown by the page itself: a first-level heading at the very top
     * that repeats {@code pageTitle} is left out, so the title does not appear twice.
     */
    public Rendered render(String markdown, Map<String, String> resolved, String pageTitle) {
        Node document = parser.parse(FrontMatter.parse(markdown).body());
        dropLeadingTitle(document, pageTitle);
        replaceWikiLinks(document, resolved);
        Mentions.link(document, people);
        linkFileImages(document);
        String safe = sanitizer.sanitize(html.render(document));
        var headings = new ArrayList<Heading>();
        Jsoup.parseBodyFragment(safe)
                .select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")
                .forEach(h ->
                        headings.add(new Heading(Integer.parseInt(h.tagName().substring(1)), h.id(), h.text())));
        return new Rendered(safe, headings);
    }

    /** The words of a page without markup, for the search index. Wiki links become their labels. */
    public String plainText(String markdown) {
        return forIndex(markdown, "").text();
    }

    /** What the search index needs of a page, from one parse. */
    public record IndexText(String text, List<String> headings) {}

    /**
     * The page's plain text (without a leading heading that repeats {@code pageTitle}, with wiki
     * links as their labels) and the text of every heading, title heading included.
     */
    public IndexText forIndex(String markdown, String pageTitle) {
        return parse(markdown).forIndex(pageTitle);
    }

    private void dropLeadingTitle(Node document, String pageTitle) {
        if (!pageTitle.isBlank()
                && document.getFirstChild() instanceof org.commonmark.node.Heading h
                && h.getLevel() == 1
                && text.render(h).strip().equalsIgnoreCase(pageTitle.strip())) {
            h.unlink();
        }
    }

    /**
     * Wraps each image of a Lore file ({@code /files/...}) that is not already in a link in a link
     * to the file itself, so a reader can open the picture at full size.
     */
    private static void linkFileImages(Node document) {
        var images = new ArrayList<Image>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (image.getDestination().startsWith("/files/") && !insideLink(image)) {
                    images.add(image);
                }
            }
        });
        for (Image image : images) {
            var link = new Link(image.getDestination(), "Open the full-size picture");
            image.insertBefore(link);
            link.appendChild(image);
        }
    }

    private static boolean insideLink(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Link) {
                return true;
            }
        }
        return false;
    }

    /** Replaces links and images by their text, so the index sees words, not URLs or quotes. */
    private static void unwrapLinks(Node document) {
        var links = new ArrayList<Node>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(image);
                visitChildren(image);
            }
        });
        for (Node link : links) {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
    }

    private static WikiLink toLink(Matcher m) {
        String target = m.group(1).strip();
        String label = m.group(2) == null ? target : m.group(2).strip();
        return new WikiLink(target, label.isEmpty() ? target : label, Slugs.slugify(target));
    }

    private static void replaceWikiLinks(Node document, Map<String, String> resolved) {
        var texts = new ArrayList<Text>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                if (node.getLiteral().contains("[[")) {
                    texts.add(node);
                }
            }

            @Override
            public void visit(Code code) {
                // code spans keep [[brackets]] literally
            }
        });
        for (Text node : texts) {
            String literal = node.getLiteral();
            Matcher m = WIKI_LINK.matcher(literal);
            int last = 0;
            boolean any = false;
            while (m.find()) {
                any = true;
                if (m.start() > last) {
                    node.insertBefore(new Text(literal.substring(last, m.start())));
                }
                WikiLink link = toLink(m);
                String slug = resolved.get(link.key());
                String destination = slug != null
                        ? "/wiki/" + slug
                        : "/new?title=" + URLEncoder.encode(link.target(), StandardCharsets.UTF_8);
                var a = new Link(destination, slug != null ? null : "Create the page “" + link.target() + "”");
                a.appendChild(new Text(link.label()));
                node.insertBefore(a);
                last = m.end();
            }
            if (any) {
                if (last < literal.length()) {
                    node.insertBefore(new Text(literal.substring(last)));
                }
                node.unlink();
            }
        }
    }
}
