package dev.lore.server.markdown;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * {@code @person.id} mentions in Markdown text: found in text only (not in code, not inside links,
 * not in an email address), turned into links to the profile when the id is a person's. Unknown ids
 * stay text.
 */
public final class Mentions {
    static final Pattern MENTION = Pattern.compile("(?<![\\w.@/])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?)");

    /** Which of some ids belong to people; for rendering and notifying. Thread-safe. */
    @FunctionalInterface
    public interface People {
        Set<String> known(Collection<String> ids);

        People NONE = ids -> Set.of();
    }

    private Mentions() {}

    /** The ids mentioned in a parsed document, in order of first mention. */
    static Set<String> in(Node document) {
        var ids = new LinkedHashSet<String>();
        for (Text t : texts(document)) {
            Matcher m = MENTION.matcher(t.getLiteral());
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** Replaces mentions of known people in {@code document} by links to their profiles. */
    static void link(Node document, People people) {
        List<Text> texts = texts(document);
        var candidates = new LinkedHashSet<String>();
        for (Text t : texts) {
            Matcher m = MENTION.matcher(t.getLiteral());
            while (m.find()) {
                candidates.add(m.group(1));
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> known = people.known(candidates);
        if (known.isEmpty()) {
            return;
        }
        for (Text node : texts) {
            String literal = node.getLiteral();
            Matcher m = MENTION.matcher(literal);
            int last = 0;
            boolean any = false;
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    continue;
                }
                any = true;
                if (m.start() > last) {
                    node.insertBefore(new Text(literal.substring(last, m.start())));
                }
                var a = new Link("/people/" + m.group(1), null);
                a.appendChild(new Text("@" + m.group(1)));
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

    private static List<Text> texts(Node document) {
        var texts = new ArrayList<Text>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                if (node.getLiteral().indexOf('@') >= 0) {
                    texts.add(node);
                }
            }

            @Override
            public void visit(Code code) {
                // code spans keep @ literally
            }

            @Override
            public void visit(Link link) {
                // a link's text is already a link
            }
        });
        return texts;
    }
}
