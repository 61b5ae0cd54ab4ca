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

    /** Parses abandoned at their time limit that may still run: each holds a thread until it ends. */
    static final int MAX_ABANDONED = 4;

    private final java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(MAX_ABANDONED + 1);
    private final int maxChars;
    private final Duration timeout;
    private final ExecutorService parsing = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("lore-extract-parse-", 0).daemon(true).factory());

    public TextExtractor(int maxChars, Duration timeout) {
        this.maxChars = maxChars;
        this.timeout = timeout;
    }

    /** How an extraction ended, as the API and the logs name it. */
    public enum Outcome {
        /** all the text there is */
        TEXT("text"),
        /** the first {@code maxChars} characters; the rest was cut off */
        TRUNCATED("truncated"),
        /** read fine, but no text in it */
        EMPTY("empty"),
        /** abandoned after the time limit */
        TIMEOUT("timeout"),
        /** the parser refused the file (damaged, encrypted, a zip bomb) */
        FAILED("failed"),
        /** not tried: too many abandoned parses still hold their threads */
        BUSY("busy");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What an extraction gave: the text (maybe empty) and how it ended. */
    public record Extracted(String text, Outcome outcome) {}

    /** The text of {@code content}, or empty when it has none Tika can read in time. */
    public Optional<String> extract(InputStream content, String name) {
        return Optional.of(read(content, name).text()).filter(s -> !s.isEmpty());
    }

    /**
     * The text of {@code content} within the limits, and how the extraction ended. Never throws
     * for a bad file; at most {@value #MAX_ABANDONED} parses that ignored their interruption may
     * hold threads, after which files are refused ({@link Outcome#BUSY}) until one ends.
     */
    public Extracted read(InputStream content, String name) {
        if (!slots.tryAcquire()) {
            LOG.warn("Did not extract the text of '{}': {} abandoned parses are still running", name, MAX_ABANDONED);
            return new Extracted("", Outcome.BUSY);
        }
        var truncated = new java.util.concurrent.atomic.AtomicBoolean();
        Future<String> parse;
        try {
            parse = parsing.submit(() -> {
                try {
                    var handler = new BodyContentHandler(maxChars);
                    var metadata = new Metadata();
                    metadata.set(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY, name);
                    try {
                        parser().parse(content, handler, metadata, new ParseContext());
                    } catch (Exception e) {
                        if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                            throw e;
                        }
                        truncated.set(true);
                    }
                    return handler.toString();
                } finally {
                    slots.release(); // only when the parse really ends, however long after its timeout
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            slots.release();
            return new Extracted("", Outcome.FAILED);
        }
        try {
            String text = parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS).strip();
            Outcome outcome = truncated.get() ? Outcome.TRUNCATED : text.isEmpty() ? Outcome.EMPTY : Outcome.TEXT;
            return new Extracted(text, outcome);
        } catch (TimeoutException e) {
            parse.cancel(true);
            LOG.warn("Gave up extracting the text of '{}' after {} ms", name, timeout.toMillis());
            return new Extracted("", Outcome.TIMEOUT);
        } catch (ExecutionException e) {
            LOG.warn(
                    "Could not extract the text of '{}': {}", name, e.getCause().toString());
            return new Extracted("", Outcome.FAILED);
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            return new Extracted("", Outcome.TIMEOUT);
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
