package dev.lore.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.LogCapture;
import org.junit.jupiter.api.Test;

class EmbeddingModelTest {

    @Test
    void aModelThatCannotRunHereLeavesSearchLexicalWithAnErrorInTheLog() {
        try (var log = LogCapture.open()) {
            var model = EmbeddingModel.load(true, () -> {
                throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
            });

            assertThat(model).isEmpty();
            assertThat(log.events())
                    .anyMatch(e -> e.getLevel().toString().equals("ERROR")
                            && e.getFormattedMessage().contains("Search by meaning is off")
                            && e.getFormattedMessage().contains("onnxruntime"));
        }
    }

    @Test
    void switchedOffNoModelIsLoaded() {
        assertThat(EmbeddingModel.load(false, () -> {
                    throw new AssertionError("must not load");
                }))
                .isEmpty();
    }
}
