package dev.lore.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link UserQuery} and facet selections into a Lucene query. The weights were chosen by
 * measurement on SciFact (see README): one English-stemmed contents field carries the ranking
 * (BM25 k1=0.9, b=0.4), the title adds a little, unstemmed words a little more for exact matches,
 * and adjacent query words found near each other add a proximity bonus. Section headings and
 * contributor names add a little. Tags and skills named in the query count strongly, as they are
 * curated.
 *
 * <p>Every query stays within Lucene's limit of 1,024 clauses, whatever was typed: {@link UserQuery}
 * keeps a bounded number of words, phrases, exclusions and filters, the words are cut after {@link
 * #MAX_TERMS} analysed terms (one word of emoji can be hundreds), a fuzzy retry shares {@link
 * #FUZZY_EXPANSIONS} expansions among its terms, and facet selections are one set query each.
 */
final class QueryFactory {
    static final float TITLE_BOOST = 0.25f;
    static final float EXACT_BOOST = 0.1f;
    static final float PROXIMITY_BOOST = 0.1f;
    static final float LABEL_BOOST = 0.5f;
    static final float HEADING_BOOST = 0.15f;
    static final float AUTHOR_BOOST = 0.2f;
    private static final int PROXIMITY_SLOP = 3;
    /**
     * The most analysed terms a query's words contribute. Five fields per term, two label lookups
     * per word ({@link UserQuery#MAX_WORDS}) and 32 proximity pairs make at most 480 clauses; a
     * fuzzy retry adds {@link #FUZZY_EXPANSIONS}.
     */
    static final int MAX_TERMS = 64;
    /** The terms all fuzzy words of one query may expand to together; each word gets 1-50 of them. */
    static final int FUZZY_EXPANSIONS = 256;
    /** The most analysed terms of one excluded word or phrase, or one {@code author:} filter. */
    static final int MAX_TERMS_PER_VALUE = 8;

    private final Analyzer analyzer;
    private final QueryBuilder builder;

    QueryFactory(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.builder = new QueryBuilder(analyzer);
    }

    /** The ranking part; null when the text has nothing searchable (only stop words, say). */
    Query text(UserQuery q, boolean fuzzy) {
        return text(q, fuzzy, true);
    }

    /**
     * As {@link #text(UserQuery, boolean)}; without {@code proximity} the clauses that reward two
     * query words near each other are left out (they cost about half of a top-n search).
     */
    Query text(UserQuery q, boolean fuzzy, boolean proximity) {
        var query = new BooleanQuery.Builder();
        boolean any = false;
        List<String> kept = keptWords(QuestionWords.meaningOf(q.words()));
        if (!kept.isEmpty()) {
            String words = String.join(" ", kept);
            Query main = fuzzy ? fuzzyWords(words) : builder.createBooleanQuery(Fields.CONTENTS, words, Occur.SHOULD);
            if (main != null) {
                any = true;
                var wordsQuery = new BooleanQuery.Builder();
                addBoosted(wordsQuery, main, 1);
                addBoosted(wordsQuery, builder.createBooleanQuery(Fields.TITLE, words, Occur.SHOULD), TITLE_BOOST);
                // unstemmed forms of the words that carry meaning: a stop word is in every page,
                // and alone it would make every page a match ("who changes the secret" found the
                // lunch menu through "the", and ranked it beside the page meant)
                String meaningful = withoutStopWords(kept);
                if (!meaningful.isEmpty()) {
                    addBoosted(
                            wordsQuery,
                            builder.createBooleanQuery(Fields.CONTENTS_EXACT, meaningful, Occur.SHOULD),
                            EXACT_BOOST);
                }
                addBoosted(wordsQuery, builder.createBooleanQuery(Fields.HEADINGS, words, Occur.SHOULD), HEADING_BOOST);
                addBoosted(wordsQuery, builder.createBooleanQuery(Fields.AUTHORS, words, Occur.SHOULD), AUTHOR_BOOST);
                for (Query pair : proximity ? proximityPairs(words) : List.<Query>of()) {
                    addBoosted(wordsQuery, pair, PROXIMITY_BOOST);
                }
                for (String word : kept) {
                    String label = word.toLowerCase(Locale.ROOT);
                    addBoosted(wordsQuery, new TermQuery(new Term(Fields.TAGS, label)), LABEL_BOOST);
                    addBoosted(wordsQuery, new TermQuery(new Term(Fields.SKILLS, label)), LABEL_BOOST);
                }
                query.add(wordsQuery.build(), Occur.SHOULD);
                if (q.phrases().isEmpty()) {
                    query.setMinimumNumberShouldMatch(1);
                }
            }
        }
        for (String phrase : q.phrases()) {
            Query p = builder.createPhraseQuery(Fields.CONTENTS, phrase);
            if (p != null) {
                any = true;
                query.add(p, Occur.MUST);
                addBoosted(query, builder.createPhraseQuery(Fields.CONTENTS_EXACT, phrase), EXACT_BOOST);
            }
        }
        return any ? MarksBoost.wrap(query.build()) : null;
    }

    /** Words and phrases a hit must not contain. */
    List<Query> exclusions(UserQuery q) {
        var out = new ArrayList<Query>();
        for (String value : q.excluded()) {
            String excluded = firstTerms(value, MAX_TERMS_PER_VALUE);
            Query stemmed = excluded.contains(" ")
                    ? builder.createPhraseQuery(Fields.CONTENTS, excluded)
                    : builder.createBooleanQuery(Fields.CONTENTS, excluded, Occur.MUST);
            if (stemmed != null) {
                out.add(stemmed);
            }
        }
        return out;
    }

    /** Filters from the query text ({@code tag:x}) and from facet selections, ANDed across kinds. */
    List<Query> filters(UserQuery q, SearchRequest request) {
        var out = new ArrayList<Query>();
        addAnyOf(out, Fields.TYPE, concat(q.filters().get("type"), request.types()), false);
        addAnyOf(out, Fields.TAGS, concat(q.filters().get("tag"), request.tags()), true);
        addAnyOf(out, Fields.SKILLS, concat(q.filters().get("skill"), request.skills()), true);
        List<String> fromText = q.filters().getOrDefault("author", List.of());
        for (String author : fromText) { // author:ana or author:"ana silva" match words of the name
            Query name =
                    builder.createBooleanQuery(Fields.AUTHORS, firstTerms(author, MAX_TERMS_PER_VALUE), Occur.MUST);
            if (name != null) {
                out.add(name);
            }
        }
        if (!request.authors().isEmpty()) { // facet selections are exact display names
            out.add(new TermInSetQuery(
                    Fields.AUTHORS_DV,
                    request.authors().stream().map(BytesRef::new).toList()));
        }
        freshness(request.updated(), request.now()).ifPresent(out::add);
        return out;
    }

    /** Every document that is a hit of its own (not a passage), for searches by filters alone. */
    Query matchAll() {
        return new FieldExistsQuery(Fields.TYPE_DV);
    }

    /** The quoted phrases a hit must contain, as {@link #text} requires them. */
    List<Query> phrases(UserQuery q) {
        var out = new ArrayList<Query>();
        for (String phrase : q.phrases()) {
            Query p = builder.createPhraseQuery(Fields.CONTENTS, phrase);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** The freshness buckets: last week, month, year, older. */
    static java.util.Optional<Query> freshness(String bucket, Instant now) {
        long day = Duration.ofDays(1).toMillis();
        long t = now.toEpochMilli();
        return switch (bucket) {
            case "week" -> java.util.Optional.of(LongPoint.newRangeQuery(Fields.UPDATED, t - 7 * day, Long.MAX_VALUE));
            case "month" ->
                java.util.Optional.of(LongPoint.newRangeQuery(Fields.UPDATED, t - 30 * day, Long.MAX_VALUE));
            case "year" ->
                java.util.Optional.of(LongPoint.newRangeQuery(Fields.UPDATED, t - 365 * day, Long.MAX_VALUE));
            case "older" ->
                java.util.Optional.of(LongPoint.newRangeQuery(Fields.UPDATED, Long.MIN_VALUE, t - 365 * day - 1));
            default -> java.util.Optional.empty();
        };
    }

    /** The analysed words of {@code text} in the exact field, for spelling and fuzzy matching. */
    List<String> exactTerms(String text) {
        return terms(Fields.CONTENTS_EXACT, text);
    }

    /** The tokens {@code field}'s analyzer makes of {@code text}. */
    List<String> terms(String field, String text) {
        var terms = new ArrayList<String>();
        try (var stream = analyzer.tokenStream(field, text)) {
            var attr = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(attr.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private Query fuzzyWords(String words) {
        var query = new BooleanQuery.Builder();
        List<String> terms = exactTerms(words).stream()
                .filter(t -> !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(t))
                .toList(); // "the" spelled nearly right is in every page
        int expansions = Math.clamp(FUZZY_EXPANSIONS / Math.max(1, terms.size()), 1, FuzzyQuery.defaultMaxExpansions);
        for (String term : terms) {
            int edits = term.length() >= 8 ? 2 : term.length() >= 4 ? 1 : 0;
            query.add(
                    edits == 0
                            ? new TermQuery(new Term(Fields.CONTENTS_EXACT, term))
                            : new FuzzyQuery(
                                    new Term(Fields.CONTENTS_EXACT, term),
                                    edits,
                                    1,
                                    expansions,
                                    FuzzyQuery.defaultTranspositions),
                    Occur.SHOULD);
        }
        return terms.isEmpty() ? null : query.build();
    }

    /** The first words, in order, that together analyse to at most {@link #MAX_TERMS} terms. */
    private static String withoutStopWords(List<String> words) {
        return words.stream()
                .filter(w -> !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w.toLowerCase(Locale.ROOT)))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private List<String> keptWords(List<String> words) {
        var kept = new ArrayList<String>();
        int budget = MAX_TERMS;
        for (String word : words) {
            int n = exactTerms(word).size();
            if (n <= budget) {
                kept.add(word);
                budget -= n;
            } else {
                if (budget > 0) {
                    kept.add(firstTerms(word, budget));
                }
                break;
            }
        }
        return kept;
    }

    /** {@code text} up to the end of its {@code n}th analysed term (all of it when it has fewer). */
    String firstTerms(String text, int n) {
        int end = text.length();
        try (var stream = analyzer.tokenStream(Fields.CONTENTS_EXACT, text)) {
            var offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            for (int seen = 0; stream.incrementToken(); ) {
                if (++seen == n) {
                    end = offsets.endOffset();
                    break;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.substring(0, Math.min(end, text.length()));
    }

    private List<Query> proximityPairs(String words) {
        List<String> terms = terms(Fields.CONTENTS, words);
        var pairs = new ArrayList<Query>();
        for (int i = 0; i + 1 < terms.size() && pairs.size() < 32; i++) {
            pairs.add(new PhraseQuery(PROXIMITY_SLOP, Fields.CONTENTS, terms.get(i), terms.get(i + 1)));
        }
        return pairs;
    }

    /**
     * Adds {@code clause} as an optional clause weighted by {@code boost}. A clause that is itself
     * only optional clauses (one field's words) is added clause by clause: the score is the same
     * sum, but one flat disjunction lets Lucene skip documents by each word's best possible score
     * (a word found in every document is rarely worth visiting), where a nested one bounds a whole
     * field at once. That made a top-100 search ~40% faster on 100,000 articles.
     */
    private static void addBoosted(BooleanQuery.Builder query, Query clause, float boost) {
        if (clause instanceof BooleanQuery words
                && words.getMinimumNumberShouldMatch() == 0
                && words.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)) {
            for (BooleanClause c : words.clauses()) {
                addBoosted(query, c.query(), boost);
            }
        } else if (clause != null) {
            query.add(boost == 1 ? clause : new BoostQuery(clause, boost), Occur.SHOULD);
        }
    }

    /** Any of {@code values}: one set query, which counts as one clause however many values there are. */
    private static void addAnyOf(List<Query> out, String field, List<String> values, boolean lowercase) {
        if (values.isEmpty()) {
            return;
        }
        out.add(new TermInSetQuery(
                field,
                values.stream()
                        .map(v -> new BytesRef(lowercase ? v.toLowerCase(Locale.ROOT) : v))
                        .toList()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<String>(a == null ? List.of() : a);
        all.addAll(b);
        return all;
    }
}
