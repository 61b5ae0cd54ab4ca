package dev.lore.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds documents in the background and writes their passages into the same index as the text.
 * {@link LoreIndex#apply} hands each change here after applying it lexically, so a save stays fast
 * and is found by its words at once, by its meaning once its vectors are in. Changes are embedded
 * in the order they were applied, on one named thread (the model spreads a batch over its own
 * pool), so a later edit or delete always lands after an earlier one.
 *
 * <p>A change whose vectors are not written yet holds back the change sequence the index commits
 * ({@link #durable}): after a crash the catch-up applies it again and it is embedded again.
 * Backpressure: at most {@link #MAX_WAITING} documents wait; {@code enqueue} blocks beyond that,
 * so a rebuild cannot fill the heap. Thread-safe.
 */
final class PassageVectors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PassageVectors.class);
    static final int MAX_WAITING = 2_000;

    private final Embedder embedder;
    private final IndexWriter writer;
    private final Searchers searchers;
    private final Runnable onWrite;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("lore-embed-queue").daemon(true).factory());
    /** Change sequence -> jobs at that sequence not written yet. */
    private final ConcurrentSkipListMap<Long, Integer> pending = new ConcurrentSkipListMap<>();

    private final Semaphore room = new Semaphore(MAX_WAITING);
    /** Bumped by {@link #discardPending}: jobs of an older epoch are dropped unwritten. */
    private final AtomicLong epoch = new AtomicLong();

    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong passagesWritten = new AtomicLong();
    private final AtomicLong documentsQueued = new AtomicLong();
    private final AtomicLong documentsDone = new AtomicLong();

    /** @param onWrite called after vectors were written and made visible (marks the index dirty) */
    PassageVectors(Embedder embedder, IndexWriter writer, Searchers searchers, Runnable onWrite) {
        this.embedder = embedder;
        this.writer = writer;
        this.searchers = searchers;
        this.onWrite = onWrite;
    }

    Embedder embedder() {
        return embedder;
    }

    /** Queues the passages of {@code upserts} and the removal of {@code deletedIds}'s passages. */
    void enqueue(Collection<IndexDoc> upserts, Collection<String> deletedIds, long seq) {
        List<IndexDoc> docs = upserts.stream().filter(Passages::embeds).toList();
        var removed = new ArrayList<String>(deletedIds);
        if (docs.isEmpty() && removed.isEmpty() || closed.get()) {
            return;
        }
        int permits = Math.min(MAX_WAITING, Math.max(1, docs.size()));
        room.acquireUninterruptibly(permits);
        pending.merge(seq, 1, Integer::sum);
        documentsQueued.addAndGet(docs.size());
        long jobEpoch = epoch.get();
        worker.execute(() -> {
            try {
                if (jobEpoch == epoch.get()) {
                    write(docs, removed);
                }
            } catch (RuntimeException | IOException e) {
                LOG.warn(
                        "Embedding {} documents failed; they are found by their words only until edited: {}",
                        docs.size(),
                        e.toString());
            } finally {
                if (!closed.get()) { // a job dropped by close stays pending: its change is not durable
                    pending.computeIfPresent(seq, (k, n) -> n == 1 ? null : n - 1);
                }
                documentsDone.addAndGet(docs.size());
                room.release(permits);
            }
        });
    }

    private void write(List<IndexDoc> docs, List<String> removed) throws IOException {
        var texts = new ArrayList<String>();
        var split = new ArrayList<List<Passages.Passage>>();
        for (IndexDoc doc : docs) {
            List<Passages.Passage> passages = Passages.of(doc);
            split.add(passages);
            passages.forEach(p -> texts.add(p.text()));
        }
        List<float[]> vectors = embedder.passages(texts);
        int v = 0;
        for (int i = 0; i < docs.size(); i++) {
            var passageDocs = new ArrayList<Document>();
            for (Passages.Passage p : split.get(i)) {
                passageDocs.add(passageDocument(docs.get(i).id(), p, vectors.get(v++)));
            }
            writer.updateDocuments(new Term(Fields.PASSAGE_OF, docs.get(i).id()), passageDocs);
        }
        for (String id : removed) {
            writer.deleteDocuments(new Term(Fields.PASSAGE_OF, id));
        }
        passagesWritten.addAndGet(texts.size());
        searchers.refresh();
        onWrite.run();
    }

    private static Document passageDocument(String parentId, Passages.Passage p, float[] vector) {
        var d = new Document();
        d.add(new KeywordField(Fields.PASSAGE_OF, parentId, Field.Store.YES));
        d.add(new KnnFloatVectorField(Fields.PASSAGE_VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        d.add(new StoredField(Fields.PASSAGE_START, p.start()));
        d.add(new StoredField(Fields.PASSAGE_END, p.end()));
        return d;
    }

    /**
     * The change sequence the index may record as durable: {@code applied}, or just below the
     * oldest change whose vectors are still waiting.
     */
    long durable(long applied) {
        var first = pending.firstEntry();
        return first == null ? applied : Math.max(0, Math.min(applied, first.getKey() - 1));
    }

    /** Whether nothing waits to be embedded. */
    boolean idle() {
        return pending.isEmpty();
    }

    long passagesWritten() {
        return passagesWritten.get();
    }

    /** Documents queued and documents embedded (or dropped) since the index opened. */
    long[] progress() {
        return new long[] {documentsDone.get(), documentsQueued.get()};
    }

    /** Returns once everything queued before the call is written and searchable. */
    void await() {
        await(null);
    }

    /** As {@link #await()}, giving up after {@code timeout} (null: never); false if it gave up. */
    boolean await(java.time.Duration timeout) {
        try {
            var done = worker.submit(() -> {});
            if (timeout == null) {
                done.get();
            } else {
                done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embeddings", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for embeddings failed", e.getCause());
        }
    }

    /** Drops what waits (the index is being emptied); a job already running finishes. */
    void discardPending() {
        epoch.incrementAndGet();
    }

    /**
     * Stops: what waits is dropped (its changes stay undurable, so the next start embeds them
     * again); a batch being embedded finishes first, as interrupting a Lucene write closes the index.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        discardPending();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Embedding did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
