package dev.lore.server.search;

import dev.lore.indexer.BgeSmallEmbedder;
import dev.lore.indexer.Embedder;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model behind search by meaning, when it is wanted and this machine can run it. A
 * model that cannot load (no native ONNX Runtime or tokenizer library for this platform, a broken
 * class path) leaves search lexical with an error in the log instead of stopping Lore: every page
 * is still found by its words.
 */
public final class EmbeddingModel {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingModel.class);

    private EmbeddingModel() {}

    /** The bundled model when {@code wanted}; empty when not, or when it cannot load here. */
    public static Optional<Embedder> load(boolean wanted) {
        return load(wanted, BgeSmallEmbedder::load);
    }

    static Optional<Embedder> load(boolean wanted, Supplier<? extends Embedder> model) {
        if (!wanted) {
            return Optional.empty();
        }
        try {
            return Optional.of(model.get());
        } catch (RuntimeException | LinkageError e) {
            LOG.error(
                    "Search by meaning is off: the embedding model {} cannot run on this machine ({}). Search"
                            + " stays lexical; set LORE_SEMANTIC=false to say so and silence this.",
                    BgeSmallEmbedder.NAME,
                    e.toString());
            return Optional.empty();
        }
    }
}
