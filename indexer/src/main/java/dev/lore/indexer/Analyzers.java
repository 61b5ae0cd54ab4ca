package dev.lore.indexer;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analysis chain per field: English stemming for prose, exact keywords for ids and tags. */
final class Analyzers {
    /** The longest word start {@link Fields#TITLE_PREFIXES} holds; a longer one is found by a prefix scan. */
    static final int MAX_PREFIX = 20;

    private Analyzers() {}

    static Analyzer perField() {
        var keyword = new KeywordAnalyzer();
        var lowercaseKeyword = lowercaseKeyword();
        return new PerFieldAnalyzerWrapper(
                new EnglishAnalyzer(),
                Map.of(
                        Fields.ID,
                        keyword,
                        Fields.TYPE,
                        keyword,
                        Fields.TAGS,
                        lowercaseKeyword,
                        Fields.SKILLS,
                        lowercaseKeyword,
                        Fields.AUTHORS,
                        new StandardAnalyzer(),
                        Fields.CONTENTS_EXACT,
                        new StandardAnalyzer(),
                        Fields.TITLE_WORDS,
                        new StandardAnalyzer(CharArraySet.EMPTY_SET),
                        Fields.TITLE_PREFIXES,
                        wordStarts()));
    }

    /** The words of {@link Fields#TITLE_WORDS}, each as its starts of 1 to {@link #MAX_PREFIX} letters. */
    private static Analyzer wordStarts() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(
                        tokenizer, new EdgeNGramTokenFilter(new LowerCaseFilter(tokenizer), 1, MAX_PREFIX, false));
            }
        };
    }

    /** A whole value as one token, lowercased: "CI/CD" matches "ci/cd". */
    private static Analyzer lowercaseKeyword() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }
}
