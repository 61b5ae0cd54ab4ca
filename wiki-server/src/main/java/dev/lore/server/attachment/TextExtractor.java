package dev.lore.server.attachment;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain text out of PDF, office and text files with Apache Tika, within limits: at most {@code
 * maxChars} characters are kept (the rest is cut off, not an error), and a parse taking longer than
 * {@code timeout} is abandoned (its thread interrupted) so a hostile file cannot hold extraction
 * up. Runs each parse on a named daemon thread. Thread-safe.
 */
public final class TextExtractor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TextExtractor.class);

    /** Built on first use: Tika's parsers take seconds to load, which start-up need not pay. */
    private volatile Parser parser;

    private final int maxChars;
    private final Duration timeout;
    private final ExecutorService parsing = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("lore-extract-parse-", 0).daemon(true).factory());

    public TextExtractor(int maxChars, Duration timeout) {
        this.maxChars = maxChars;
        this.timeout = timeout;
    }

    /** The text of {@code content}, or empty when it has none Tika can read in time. */
    public Optional<String> extract(InputStream content, String name) {
        Future<String> parse = parsing.submit(() -> {
            var handler = new BodyContentHandler(maxChars);
            var metadata = new Metadata();
            metadata.set(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY, name);
            try {
                parser().parse(content, handler, metadata, new ParseContext());
            } catch (Exception e) {
                if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                    throw e;
                }
            }
            return handler.toString();
        });
        try {
            return Optional.of(
                            parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS).strip())
                    .filter(s -> !s.isEmpty());
        } catch (TimeoutException e) {
            parse.cancel(true);
            LOG.warn("Gave up extracting the text of '{}' after {} ms", name, timeout.toMillis());
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warn(
                    "Could not extract the text of '{}': {}", name, e.getCause().toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Parser parser() {
        Parser p = parser;
        if (p == null) {
            synchronized (this) {
                p = parser;
                if (p == null) {
                    p = new AutoDetectParser();
                    parser = p;
                }
            }
        }
        return p;
    }

    @Override
    public void close() {
        parsing.shutdownNow();
    }
}
