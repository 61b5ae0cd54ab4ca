package dev.lore.indexer;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A small lift for pages people learned from: a match's score is multiplied by
 * {@code 1 + WEIGHT * ln(1 + marks)} ("this taught me something" marks). A page nobody marked
 * keeps its score exactly, so the ranking of unmarked pages (and any collection without marks,
 * such as SciFact) is unchanged; ten marks lift a page by about 12%, a hundred by 23%: enough to
 * order near-equal matches, not to lift a weak match over a strong one.
 */
final class MarksBoost extends DoubleValuesSource {
    static final double WEIGHT = 0.05;

    private static final MarksBoost INSTANCE = new MarksBoost();

    private MarksBoost() {}

    /** {@code query} with its scores lifted by marks. */
    static Query wrap(Query query) {
        return FunctionScoreQuery.boostByValue(query, INSTANCE);
    }

    static double factor(long marks) {
        return 1 + WEIGHT * Math.log1p(Math.max(0, marks));
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues marks = DocValues.getNumeric(ctx.reader(), Fields.MARKS);
        return new DoubleValues() {
            @Override
            public double doubleValue() throws IOException {
                return factor(marks.longValue());
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                return marks.advanceExact(doc); // no value: the score is kept as it is
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, Fields.MARKS);
    }

    @Override
    public int hashCode() {
        return MarksBoost.class.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MarksBoost;
    }

    @Override
    public String toString() {
        return "marks-boost(" + WEIGHT + ")";
    }
}
