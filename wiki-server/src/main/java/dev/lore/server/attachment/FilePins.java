package dev.lore.server.attachment;

import dev.lore.graph.attachment.AttachmentStore;
import dev.lore.graph.attachment.AttachmentVersion;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Old revisions show the files as they were: in a revision's HTML, each address of a Lore file
 * ({@code /files/ID/...}) gets {@code ?v=N}, the version that was the latest when the revision was
 * saved, unless that is still the latest. Addresses that already name a version, and files
 * uploaded after the revision, are left as they are. Thread-safe.
 */
public final class FilePins {
    private static final Pattern FILE = Pattern.compile("^/files/([0-9a-f-]{36})(/[^?#]*)?$");

    private final AttachmentStore store;

    public FilePins(AttachmentStore store) {
        this.store = store;
    }

    /** The revision's HTML with its files pinned to the versions of {@code savedAt}. */
    public String pin(String html, Instant savedAt) {
        if (!html.contains("/files/")) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        var versions = new HashMap<String, List<AttachmentVersion>>();
        boolean changed = false;
        for (Element e : doc.body().select("[src^=/files/], [href^=/files/]")) {
            String attr = e.hasAttr("src") && e.attr("src").startsWith("/files/") ? "src" : "href";
            Matcher m = FILE.matcher(e.attr(attr));
            if (!m.matches()) {
                continue;
            }
            List<AttachmentVersion> all = versions.computeIfAbsent(m.group(1), store::versions);
            Optional<AttachmentVersion> shown = all.stream()
                    .filter(v -> !v.at().isAfter(savedAt))
                    .max(Comparator.comparingInt(AttachmentVersion::n));
            int latest = all.stream().mapToInt(AttachmentVersion::n).max().orElse(0);
            if (shown.isPresent() && shown.get().n() < latest) {
                e.attr(attr, e.attr(attr) + "?v=" + shown.get().n());
                changed = true;
            }
        }
        return changed ? doc.body().html() : html;
    }
}
