package dev.lore.indexer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One short text through the model, the lean way: tokenized once, the ids handed to ONNX Runtime as
 * they are (no padding), the [CLS] vector read straight from the output buffer. langchain4j's
 * encoder, built for long passages, tokenizes a text three times (to split it into windows, to
 * rebuild each window's text and to check it) and copies the whole output into Java arrays; for a
 * query of a few words that is a noticeable share of the time. The vector is the same, bit for bit,
 * as langchain4j's (the tokenizer cuts a text at the model's 512-token window for both; should it
 * ever hand over more, {@link #encode} is empty and langchain4j splits the text). Thread-safe.
 */
final class QueryEncoder {
    /** The window without [CLS] and [SEP]: langchain4j splits longer texts. */
    static final int MAX_TOKENS = 510;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final int dimension;

    QueryEncoder(OrtEnvironment env, OrtSession session, byte[] tokenizerJson, int dimension) {
        this.env = env;
        this.session = session;
        this.dimension = dimension;
        try {
            // as langchain4j loads it, so the ids are the same
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(tokenizerJson), Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer", e);
        }
        Set<String> inputs = session.getInputNames();
        this.typeIds = inputs.contains("token_type_ids");
    }

    /**
     * The [CLS] vector of {@code text}, scaled to unit length as langchain4j scales it; empty when the
     * text needs more than one window.
     */
    Optional<float[]> encode(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        long[] ids = encoding.getIds();
        if (ids.length - 2 > MAX_TOKENS) {
            return Optional.empty();
        }
        long[] shape = {1, ids.length};
        var inputs = new HashMap<String, OnnxTensor>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put(
                    "attention_mask",
                    OnnxTensor.createTensor(env, LongBuffer.wrap(encoding.getAttentionMask()), shape));
            if (typeIds) {
                inputs.put(
                        "token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(encoding.getTypeIds()), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // last_hidden_state [1, tokens, dimension]: the first row is [CLS]
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] cls = new float[dimension];
                hidden.get(cls);
                return Optional.of(normalize(cls));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot embed the query", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** langchain4j's scaling to unit length, to the last bit (a float sum of squares). */
    static float[] normalize(float[] v) {
        float sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }

    void close() {
        tokenizer.close();
    }
}
