package dev.lore.ui.view.attachment;

import java.util.List;
import java.util.Optional;

/**
 * One attached file as a page lists it.
 *
 * @param url where its bytes are ({@code /files/id/name})
 * @param show how the list shows it: {@code image} (a thumbnail), {@code audio}, {@code video} or
 *     {@code icon}
 * @param thumbUrl the thumbnail's address, for images Lore can scale
 * @param icon a short label standing for the type when there is no thumbnail ("PDF", "DOC")
 * @param markdown what to write in a page to show or link the file
 * @param versions the older versions, newest first (empty for a file uploaded once)
 * @param usedOn the pages whose current text shows or links it, most recently changed first
 */
public record FileItem(
        String id,
        String name,
        String type,
        String size,
        String url,
        String show,
        Optional<String> thumbUrl,
        String icon,
        String markdown,
        int version,
        String byId,
        String byName,
        String ago,
        String atIso,
        List<FileVersionItem> versions,
        List<FileUse> usedOn) {}
