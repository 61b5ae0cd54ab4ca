package dev.lore.server.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a zip container (docx, xlsx, pptx, odt ...) before a parser opens it: a zip bomb, a
 * small file that unpacks to gigabytes, would keep the parser busy until its time limit. The
 * entries are inflated and counted, never kept, and the check stops as soon as they pass the
 * limit, so it costs at most the time to inflate {@code maxUnpacked} bytes.
 */
final class ZipGuard {
    private ZipGuard() {}

    /** Whether the container's entries together unpack to more than {@code maxUnpacked} bytes. */
    static boolean unpacksTooLarge(InputStream zip, long maxUnpacked) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var in = new ZipInputStream(zip)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (total > maxUnpacked) {
                        return true;
                    }
                }
            }
        } catch (IOException e) {
            // not a readable zip: the parser will say so itself
            return false;
        }
        return false;
    }

    /** Whether files of this type are zip containers worth checking. */
    static boolean container(String type) {
        return type.startsWith("application/vnd.openxmlformats-officedocument.")
                || type.startsWith("application/vnd.oasis.opendocument.")
                || type.equals("application/x-tika-ooxml")
                || type.equals("application/zip")
                || type.equals("application/epub+zip");
    }
}
