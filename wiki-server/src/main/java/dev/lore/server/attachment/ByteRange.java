package dev.lore.server.attachment;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP {@code Range} header ({@code bytes=a-b}, {@code bytes=a-}, {@code
 * bytes=-n}), inclusive. Several ranges, another unit or a malformed header mean "the whole file".
 */
record ByteRange(long start, long end) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    long length() {
        return end - start + 1;
    }

    /** A range none of whose bytes exist; answered with 416. */
    static final class NotSatisfiable extends Exception {
        NotSatisfiable() {
            super(null, null, false, false);
        }
    }

    static Optional<ByteRange> parse(String header, long size) throws NotSatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        var m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) { // the last n bytes
            long n = Long.parseLong(m.group(2));
            if (n == 0 || size == 0) {
                throw new NotSatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
        }
        long start = Long.parseLong(m.group(1));
        long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (start >= size) {
            throw new NotSatisfiable();
        }
        if (end < start) {
            return Optional.empty();
        }
        return Optional.of(new ByteRange(start, end));
    }
}
