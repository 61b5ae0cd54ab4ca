package dev.lore.indexer;

import dev.lore.indexer.LoreIndex.Named;
import dev.lore.indexer.LoreIndex.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Help around a search: titles that complete what is being typed, the people and skills a search
 * names (for cards beside the results), and "did you mean" spellings from the index's own
 * vocabulary. Thread-safe.
 */
final class Suggestions {
    private final Searchers searchers;
    private final QueryFactory queries;

    Suggestions(Searchers searchers, QueryFactory queries) {
        this.searchers = searchers;
        this.queries = queries;
    }

    /** See {@link LoreIndex#suggest}. */
    List<Suggestion> suggest(String typed, int limit) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() < 2) {
            return List.of();
        }
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        List<String> terms =
                queries.terms(Fields.TITLE_WORDS, text).stream().limit(8).toList();
        if (terms.isEmpty()) {
            return List.of();
        }
        return searchers.read("cannot search the index", searcher -> {
            var out = new LinkedHashMap<String, Suggestion>();
            collect(searcher, completions(terms), limit, out);
            if (out.size() < limit) {
                // typo tolerance only when the words as typed do not fill the list: fuzzy
                // matching costs several times what the exact words and prefix cost
                collect(searcher, withSlips(terms), limit, out);
            }
            return List.copyOf(out.values());
        });
    }

    /**
     * Every word as typed, the last one as a prefix; a title holding the last word whole ranks
     * above one where it is only the start of a longer word.
     */
    private static Query completions(List<String> terms) {
        var query = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            Term term = new Term(Fields.TITLE_WORDS, terms.get(i));
            if (i < terms.size() - 1) {
                query.add(new TermQuery(term), BooleanClause.Occur.MUST);
            } else {
                query.add(
                        new BooleanQuery.Builder()
                                .add(new BoostQuery(startOf(terms.get(i)), 2f), BooleanClause.Occur.SHOULD)
                                .add(new TermQuery(term), BooleanClause.Occur.SHOULD)
                                .build(),
                        BooleanClause.Occur.MUST);
            }
        }
        return query.build();
    }

    /**
     * Titles with a word starting with {@code start}: one term of {@link Fields#TITLE_PREFIXES}, or
     * for a start longer than it holds, a prefix scan of {@link Fields#TITLE_WORDS}. Either scores
     * every match the same (a prefix query's default rewrite is constant-score too).
     */
    private static Query startOf(String start) {
        return start.length() <= Analyzers.MAX_PREFIX
                ? new ConstantScoreQuery(new TermQuery(new Term(Fields.TITLE_PREFIXES, start)))
                : new PrefixQuery(new Term(Fields.TITLE_WORDS, start));
    }

    /** As {@link #completions}, each word of three letters or more also with one slip. */
    private static Query withSlips(List<String> terms) {
        var query = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            boolean last = i == terms.size() - 1;
            var either = new BooleanQuery.Builder();
            either.add(
                    new BoostQuery(last ? startOf(term) : new TermQuery(new Term(Fields.TITLE_WORDS, term)), 2f),
                    BooleanClause.Occur.SHOULD);
            if (term.length() >= 3) {
                either.add(
                        new FuzzyQuery(new Term(Fields.TITLE_WORDS, term), 1, 1, 50, true), BooleanClause.Occur.SHOULD);
            }
            query.add(either.build(), BooleanClause.Occur.MUST);
        }
        return query.build();
    }

    /** Adds the best matches of {@code query} not yet in {@code out}, until it holds {@code limit}. */
    private static void collect(IndexSearcher searcher, Query query, int limit, Map<String, Suggestion> out)
            throws IOException {
        TopDocs top = searcher.search(query, limit + out.size());
        for (ScoreDoc sd : top.scoreDocs) {
            if (out.size() >= limit) {
                return;
            }
            Card card = Card.of(searcher, sd.doc);
            if (card != null) {
                out.putIfAbsent(card.id(), new Suggestion(card.type(), card.slug(), card.title()));
            }
        }
    }

    /** See {@link LoreIndex#namedIn}. */
    Named namedIn(List<String> words, String phrase, int limit) {
        if (words.isEmpty()) {
            return new Named(List.of(), List.of());
        }
        var people = new BooleanQuery.Builder();
        var skills = new BooleanQuery.Builder();
        for (String word : words.stream().limit(16).toList()) {
            String w = word.toLowerCase(Locale.ROOT);
            people.add(new TermQuery(new Term(Fields.TITLE_WORDS, w)), BooleanClause.Occur.SHOULD);
            people.add(new TermQuery(new Term(Fields.ID, "person:" + w)), BooleanClause.Occur.SHOULD);
            skills.add(new TermQuery(new Term(Fields.SKILLS, w)), BooleanClause.Occur.SHOULD);
        }
        skills.add(new TermQuery(new Term(Fields.SKILLS, phrase.toLowerCase(Locale.ROOT))), BooleanClause.Occur.SHOULD);
        var query = new BooleanQuery.Builder()
                .add(
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(Fields.TYPE, "person")), BooleanClause.Occur.FILTER)
                                .add(people.build(), BooleanClause.Occur.MUST)
                                .build(),
                        BooleanClause.Occur.SHOULD)
                .add(
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(Fields.TYPE, "skill")), BooleanClause.Occur.FILTER)
                                .add(skills.build(), BooleanClause.Occur.MUST)
                                .build(),
                        BooleanClause.Occur.SHOULD)
                .build();
        return searchers.read("cannot search the index", searcher -> {
            TopDocs top = searcher.search(query, limit);
            var personIds = new ArrayList<String>();
            var skillKeys = new ArrayList<String>();
            var storedFields = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                String id = storedFields.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID);
                if (id.startsWith("person:")) {
                    personIds.add(id.substring("person:".length()));
                } else if (id.startsWith("skill:")) {
                    skillKeys.add(id.substring("skill:".length()));
                }
            }
            return new Named(personIds, skillKeys);
        });
    }

    /**
     * Replaces each word the index does not know (or, when the query found little, barely knows)
     * with a more common spelling close to it.
     */
    Optional<String> spelling(IndexSearcher searcher, UserQuery parsed, boolean foundLittle) throws IOException {
        if (parsed.words().isEmpty()) {
            return Optional.empty();
        }
        var checker = new DirectSpellChecker();
        checker.setMaxEdits(2);
        var reader = searcher.getIndexReader();
        boolean changed = false;
        var corrected = new ArrayList<String>();
        for (String word : parsed.words()) {
            List<String> terms = queries.exactTerms(word);
            if (terms.size() != 1) {
                corrected.add(word);
                continue;
            }
            Term term = new Term(Fields.CONTENTS_EXACT, terms.getFirst());
            int freq = reader.docFreq(term);
            if (freq > 0 && !foundLittle) { // a known word in a query that found plenty: leave it
                corrected.add(word);
                continue;
            }
            SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_MORE_POPULAR);
            if (suggestions.length > 0 && freq < suggestions[0].freq) {
                corrected.add(suggestions[0].string);
                changed = true;
            } else {
                corrected.add(word);
            }
        }
        return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
    }
}
