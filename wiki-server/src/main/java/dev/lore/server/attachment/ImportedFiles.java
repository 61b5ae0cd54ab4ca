package dev.lore.server.attachment;

import dev.lore.graph.attachment.Attachment;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The files one imported article links to, turned into its attachments. An import asks {@link
 * #address} for each file its text links to (the bytes go into the blob store at once, so a type
 * Lore does not keep is refused before the text is saved), saves the text with those addresses, and
 * then {@link #attachTo}s the page. Bytes the page already has reuse its file; a file of the same
 * name with other bytes gets a new version (an image changed in a Git history); anything else is a
 * new file. One per article save (or per pack article); not thread-safe.
 */
public final class ImportedFiles {
    private final AttachmentService attachments;
    private final Optional<String> existingSlug;
    private List<Attachment> existing;
    private final Map<String, Planned> bySha = new LinkedHashMap<>();
    private final Set<String> claimedIds = new HashSet<>();

    /**
     * @param existingSlug the article's slug if it exists already (its files can be reused)
     */
    public ImportedFiles(AttachmentService attachments, Optional<String> existingSlug) {
        this.attachments = attachments;
        this.existingSlug = existingSlug;
    }

    private enum Action {
        ATTACH,
        REPLACE,
        KEEP
    }

    private record Planned(String id, AttachmentService.StoredFile file, Action action) {
        String url() {
            return "/files/" + id + "/" + LocalLinks.encode(file.name());
        }
    }

    /**
     * The address the page's text should use for a file named {@code name} holding {@code bytes}.
     *
     * @throws dev.lore.server.error.TooLargeException past the file size limit
     * @throws dev.lore.server.error.UnsupportedMediaTypeException for a type Lore does not keep
     */
    public String address(String name, byte[] bytes) {
        AttachmentService.StoredFile file = attachments.keep(name, new ByteArrayInputStream(bytes));
        Planned known = bySha.get(file.sha256());
        if (known != null) {
            return known.url();
        }
        Planned planned = plan(file);
        claimedIds.add(planned.id());
        bySha.put(file.sha256(), planned);
        return planned.url();
    }

    private Planned plan(AttachmentService.StoredFile file) {
        List<Attachment> onPage = existing();
        for (Attachment a : onPage) {
            if (a.sha256().equals(file.sha256()) && !claimedIds.contains(a.id())) {
                return new Planned(
                        a.id(),
                        new AttachmentService.StoredFile(a.name(), a.type(), a.size(), a.sha256()),
                        Action.KEEP);
            }
        }
        for (Attachment a : onPage) {
            if (a.name().equals(file.name()) && !claimedIds.contains(a.id())) {
                return new Planned(a.id(), file, Action.REPLACE);
            }
        }
        return new Planned(UUID.randomUUID().toString(), file, Action.ATTACH);
    }

    private List<Attachment> existing() {
        if (existing == null) {
            existing = existingSlug
                    .map(slug -> attachments.onPage("article", slug, true))
                    .orElse(List.of());
        }
        return existing;
    }

    /** Whether any file was asked for. */
    public boolean isEmpty() {
        return bySha.isEmpty();
    }

    /** Attaches the files asked for to the article at {@code slug} (saved by now); returns the ids written. */
    public List<String> attachTo(String slug, String byPersonId, Instant at) {
        var written = new ArrayList<String>();
        for (Planned p : bySha.values()) {
            switch (p.action()) {
                case ATTACH -> attachments.attachStored(p.id(), "article", slug, p.file(), byPersonId, at);
                case REPLACE -> attachments.replaceStored(p.id(), p.file(), byPersonId, at);
                case KEEP -> {
                    continue;
                }
            }
            written.add(p.id());
        }
        return written;
    }
}
