package dev.lore.server.eval;

import dev.lore.graph.Graph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The literature's baseline for expert finding (Balog, Azzopardi and de Rijke, SIGIR 2006,
 * "Model 2", the document model): the top {@value #DOCUMENTS} live articles by plain BM25 for the
 * topic (title and text in one field, English analysis, Lucene's default BM25, none of Lore's
 * boosts), each article's score spread to its contributors by their share of the lines added to it
 * over its whole history; no decay, no skills, no other evidence. Built once per measured store,
 * in memory. Not thread-safe.
 */
final class DocumentModel implements AutoCloseable {
    static final int DOCUMENTS = 100;
    private static final String TEXT = "text";
    private static final String ID = "id";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final Map<String, Map<String, Integer>> addedByArticle = new HashMap<>();

    DocumentModel(Graph graph) {
        var articles = graph.read(tx -> tx.run("""
                        MATCH (a:Article {status: 'active'})-[:HAS_REVISION]->(r:Revision)
                        WHERE r.n = a.revision
                        RETURN a.id AS id, a.title AS title, r.markdown AS markdown
                        """)
                .list(r -> List.of(
                        r.get("id").asString(),
                        r.get("title").asString(),
                        r.get("markdown").asString())));
        graph.read(tx -> tx.run("""
                        MATCH (p:Person)-[c:CONTRIBUTED]->(a:Article {status: 'active'})
                        RETURN a.id AS id, p.id AS person, coalesce(c.added, 0) AS added
                        """).list())
                .forEach(r -> addedByArticle
                        .computeIfAbsent(r.get("id").asString(), k -> new HashMap<>())
                        .put(r.get("person").asString(), r.get("added").asInt()));
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (List<String> a : articles) {
                var doc = new Document();
                doc.add(new StoredField(ID, a.get(0)));
                doc.add(new TextField(TEXT, a.get(1) + "\n" + a.get(2), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index the articles for the document model", e);
        }
    }

    /** The {@code n} people the model ranks highest for {@code topic}. */
    List<String> experts(String topic, int n) {
        try {
            var query = new BooleanQuery.Builder();
            try (TokenStream tokens = analyzer.tokenStream(TEXT, topic)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    query.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.SHOULD);
                }
                tokens.end();
            }
            var searcher = new IndexSearcher(reader);
            var scores = new HashMap<String, Double>();
            for (ScoreDoc hit : searcher.search(query.build(), DOCUMENTS).scoreDocs) {
                String id = searcher.storedFields().document(hit.doc).get(ID);
                Map<String, Integer> added = addedByArticle.getOrDefault(id, Map.of());
                double total =
                        added.values().stream().mapToInt(Integer::intValue).sum();
                if (total > 0) {
                    added.forEach((person, lines) -> scores.merge(person, hit.score * lines / total, Double::sum));
                }
            }
            var ranked = new ArrayList<>(scores.entrySet());
            ranked.sort(
                    Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            return ranked.stream().limit(n).map(Map.Entry::getKey).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the document model's index", e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
