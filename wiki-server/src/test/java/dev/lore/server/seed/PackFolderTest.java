package dev.lore.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PackFolderTest {
    @Test
    void aPageWithoutATitleIsNamedAfterItsFile() {
        assertThat(PackFolder.titleFromFile(Path.of("pack", "getting-started.md")))
                .isEqualTo("getting started");
        assertThat(PackFolder.titleFromFile(Path.of("pack", "team", "on_call_rota.md")))
                .isEqualTo("on call rota");
    }

    @Test
    void aFolderOfRevisionsIsNamedAfterTheFolder() {
        assertThat(PackFolder.titleFromFile(Path.of("pack", "feature-flags", "002.md")))
                .isEqualTo("feature flags");
    }

    @Test
    void aReadmeKeepsItsOwnNameNotItsFolders() {
        assertThat(PackFolder.titleFromFile(Path.of("pack", "team", "README.md")))
                .isEqualTo("README");
    }
}
