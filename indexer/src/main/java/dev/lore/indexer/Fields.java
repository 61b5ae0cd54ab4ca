package dev.lore.indexer;

/** Every Lucene field name Lore uses, in one place. */
public final class Fields {
    /** Unique key of a document, e.g. {@code article:<uuid>}; stored, not analysed. */
    public static final String ID = "id";
    /** article, question, person or skill; stored, not analysed. */
    public static final String TYPE = "type";
    /** The URL key; stored only. */
    public static final String SLUG = "slug";
    /** Title, English-stemmed; stored for display. */
    public static final String TITLE = "title";
    /** Plain text of the body, English-stemmed; stored with offsets for highlighting. */
    public static final String BODY = "body";
    /** Section headings, English-stemmed. */
    public static final String HEADINGS = "headings";
    /** Tags, lowercase keywords; stored. */
    public static final String TAGS = "tags";
    /** Skill names, lowercase keywords; stored. */
    public static final String SKILLS = "skills";
    /** Contributor names, analysed as plain words; stored. */
    public static final String AUTHORS = "authors";
    /** Everything a reader sees (title, body, tags, skills), English-stemmed: the main ranking field. */
    public static final String CONTENTS = "contents";
    /** The same words unstemmed, so exact words and phrases win, and the vocabulary for spelling. */
    public static final String CONTENTS_EXACT = "contents_exact";
    /** Title words, lowercased and unstemmed, for suggestions as you type. */
    public static final String TITLE_WORDS = "title_words";
    /**
     * Every start of every title word (its first 1 to {@link Analyzers#MAX_PREFIX} letters, as
     * {@link #TITLE_WORDS} spells it): a word being typed is one term lookup, not a prefix scan.
     */
    public static final String TITLE_PREFIXES = "title_prefixes";
    /** A document's id, type, slug and title, binary: what a suggestion shows, without stored fields. */
    public static final String CARD_DV = "card_dv";
    /** Doc-values twins for facets and stable sorting. */
    public static final String TYPE_DV = "type_dv";

    public static final String TAGS_DV = "tags_dv";
    public static final String SKILLS_DV = "skills_dv";
    public static final String AUTHORS_DV = "authors_dv";
    public static final String ID_DV = "id_dv";
    /** An article or question's id, slug, title and contributors with their shares ({@link IndexDoc.Credit}), binary. */
    public static final String CREDITS_DV = "credits_dv";
    /** Last update, epoch milliseconds; stored and sortable. */
    public static final String UPDATED = "updated";
    /** How many people marked a page "this taught me something" (doc values; absent for none). */
    public static final String MARKS = "marks";

    /**
     * A passage document's article or question (its {@link #ID}): indexed and as doc values. Passage
     * documents carry only this, {@link #PASSAGE_VECTOR} and their place in the text; they have no
     * {@link #TYPE}, so no lexical query, filter or facet ever sees them.
     */
    public static final String PASSAGE_OF = "passage_of";
    /** A passage's embedding (HNSW graph, cosine similarity). */
    public static final String PASSAGE_VECTOR = "passage_vector";
    /** A passage's place in its document's body: start and end character offsets, stored. */
    public static final String PASSAGE_START = "passage_start";

    public static final String PASSAGE_END = "passage_end";

    /** Commit user-data key holding the last change sequence number applied. */
    public static final String COMMIT_SEQ = "lore.seq";

    /** Commit user-data key holding the field layout version the index was built with. */
    public static final String COMMIT_SCHEMA = "lore.schema";

    /** Commit user-data key naming the embedding model whose vectors the index holds, if any. */
    public static final String COMMIT_MODEL = "lore.model";

    private Fields() {}
}
