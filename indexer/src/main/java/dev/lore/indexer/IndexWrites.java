package dev.lore.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;

/**
 * The writing side of {@link LoreIndex}: turns {@link IndexDoc}s into Lucene documents with the
 * field layout of {@link #SCHEMA_VERSION}, applies and deletes them, and commits them with the
 * change sequence reached. Not thread-safe on its own: {@link LoreIndex} calls it under its lock.
 */
final class IndexWrites {
    /** Bumped whenever fields or analysis change; an index of another version is rebuilt on open. */
    static final String SCHEMA_VERSION = "10";

    private static final FieldType BODY_TYPE = bodyType();
    private static final FieldType WORD_STARTS_TYPE = wordStartsType();

    private final IndexWriter writer;
    private final Searchers searchers;
    private final AtomicLong generation = new AtomicLong();
    private final String model;
    private final LongUnaryOperator durable;
    private volatile long appliedSeq;
    private volatile long committedSeq;
    /** Set by writes here and by vectors written in the background; cleared by a commit. */
    private final AtomicBoolean dirty = new AtomicBoolean();

    private final DocumentUpdates updates;

    IndexWrites(IndexWriter writer, Searchers searchers, long appliedSeq) {
        this(writer, searchers, appliedSeq, "", seq -> seq);
    }

    /**
     * @param model the embedding model whose vectors the index holds ("" for none), recorded in commits
     * @param durable from the sequence applied, the sequence a commit may record (lower while
     *     vectors of earlier changes are still being computed)
     */
    IndexWrites(IndexWriter writer, Searchers searchers, long appliedSeq, String model, LongUnaryOperator durable) {
        this.writer = writer;
        this.searchers = searchers;
        this.appliedSeq = appliedSeq;
        this.committedSeq = appliedSeq;
        this.model = model;
        this.durable = durable;
        this.updates = new DocumentUpdates(writer, Runtime.getRuntime().availableProcessors());
    }

    /** See {@link LoreIndex#writerThreads}. */
    void writerThreads(int count) {
        updates.threads(count);
    }

    /** Stops the threads that write large batches; the writer itself is closed by its owner. */
    void close() {
        updates.close();
    }

    /**
     * Where the last commit in {@code directory} left off: the change sequence it reached, or a
     * rebuild from 0 when it was written with another field layout (a new index starts at 0).
     */
    record Start(long seq, boolean rebuild) {}

    static Start start(Directory directory) throws IOException {
        return start(directory, "");
    }

    /** As {@link #start(Directory)}; an index with another embedding model's vectors (or none) is rebuilt too. */
    static Start start(Directory directory, String model) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return new Start(0, false);
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        String stored = data.get(Fields.COMMIT_SEQ);
        long seq = stored == null ? 0 : Long.parseLong(stored);
        boolean rebuild = !SCHEMA_VERSION.equals(data.get(Fields.COMMIT_SCHEMA))
                || !model.equals(data.getOrDefault(Fields.COMMIT_MODEL, ""));
        return rebuild ? new Start(0, true) : new Start(seq, false);
    }

    /** The writer's configuration: a rebuild starts from an empty index. */
    static IndexWriterConfig config(Analyzer analyzer, boolean rebuild) {
        var mode = rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND;
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setSimilarity(LoreIndex.SIMILARITY);
    }

    long appliedSeq() {
        return appliedSeq;
    }

    long committedSeq() {
        return committedSeq;
    }

    long generation() {
        return generation.get();
    }

    /** See {@link LoreIndex#apply}. */
    void apply(Collection<IndexDoc> upserts, Collection<String> deletedIds, long seq) {
        try {
            updates.update(java.util.List.copyOf(upserts), IndexWrites::toDocument);
            for (String id : deletedIds) {
                writer.deleteDocuments(new Term(Fields.ID, id));
            }
            appliedSeq = Math.max(seq, appliedSeq);
            dirty.set(true);
            searchers.refresh();
            generation.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the search index", e);
        }
    }

    /** See {@link LoreIndex#commit}. */
    void commit() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            long seq = durable.applyAsLong(appliedSeq);
            writer.setLiveCommitData(Map.of(
                            Fields.COMMIT_SEQ, Long.toString(seq),
                            Fields.COMMIT_SCHEMA, SCHEMA_VERSION,
                            Fields.COMMIT_MODEL, model)
                    .entrySet());
            writer.commit();
            committedSeq = seq;
            if (seq < appliedSeq) {
                dirty.set(true); // commit again once the vectors are in
            }
        } catch (IOException | RuntimeException e) {
            dirty.set(true);
            throw e instanceof IOException io
                    ? new UncheckedIOException("cannot commit the search index", io)
                    : (RuntimeException) e;
        }
    }

    /** Vectors were written in the background: the next commit has work, and derived caches are stale. */
    void vectorsWritten() {
        dirty.set(true);
        generation.incrementAndGet();
    }

    /** See {@link LoreIndex#clear}. */
    void clear() {
        try {
            writer.deleteAll();
            appliedSeq = 0;
            dirty.set(true);
            commit();
            searchers.refresh();
            generation.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index", e);
        }
    }

    private static Document toDocument(IndexDoc doc) {
        var d = new Document();
        d.add(new StringField(Fields.ID, doc.id(), Field.Store.YES));
        d.add(new StringField(Fields.TYPE, doc.type(), Field.Store.YES));
        d.add(new StoredField(Fields.SLUG, doc.slug()));
        d.add(new KeywordField(Fields.ID_DV, doc.id(), Field.Store.NO));
        d.add(new KeywordField(Fields.TYPE_DV, doc.type(), Field.Store.NO));
        for (String kind : doc.kinds()) {
            // not stored: the stored type (read first) stays the one a hit is linked by
            d.add(new StringField(Fields.TYPE, kind, Field.Store.NO));
            d.add(new KeywordField(Fields.TYPE_DV, kind, Field.Store.NO));
        }
        d.add(new TextField(Fields.TITLE, doc.title(), Field.Store.YES));
        d.add(new TextField(Fields.TITLE_WORDS, doc.title(), Field.Store.NO));
        d.add(new Field(Fields.TITLE_PREFIXES, doc.title(), WORD_STARTS_TYPE));
        d.add(new BinaryDocValuesField(Fields.CARD_DV, Card.encode(doc.id(), doc.type(), doc.slug(), doc.title())));
        d.add(new Field(Fields.BODY, doc.body(), BODY_TYPE));
        String contents = doc.title() + "\n" + doc.body() + "\n" + String.join(" ", doc.tags()) + "\n"
                + String.join(" ", doc.skills());
        d.add(new TextField(Fields.CONTENTS, contents, Field.Store.NO));
        for (String heading : doc.headings()) {
            d.add(new TextField(Fields.HEADINGS, heading, Field.Store.NO));
        }
        d.add(new TextField(Fields.CONTENTS_EXACT, contents, Field.Store.NO));
        for (String tag : doc.tags()) {
            d.add(new TextField(Fields.TAGS, tag, Field.Store.YES));
            d.add(new KeywordField(Fields.TAGS_DV, tag.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        for (String skill : doc.skills()) {
            d.add(new TextField(Fields.SKILLS, skill, Field.Store.YES));
            d.add(new KeywordField(Fields.SKILLS_DV, skill, Field.Store.NO));
        }
        for (String author : doc.authors()) {
            d.add(new TextField(Fields.AUTHORS, author, Field.Store.YES));
            d.add(new KeywordField(Fields.AUTHORS_DV, author, Field.Store.NO));
        }
        long updated = doc.updatedAt().toEpochMilli();
        d.add(new LongPoint(Fields.UPDATED, updated));
        d.add(new NumericDocValuesField(Fields.UPDATED, updated));
        d.add(new StoredField(Fields.UPDATED, updated));
        if (doc.type().equals("article") || doc.type().equals("question")) {
            d.add(new BinaryDocValuesField(Fields.CREDITS_DV, Credits.encode(doc)));
        }
        if (doc.marks() > 0) {
            d.add(new NumericDocValuesField(Fields.MARKS, doc.marks()));
        }
        return d;
    }

    /** Matched, never scored by length or frequency: a word start is there or not. */
    private static FieldType wordStartsType() {
        var type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private static FieldType bodyType() {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
