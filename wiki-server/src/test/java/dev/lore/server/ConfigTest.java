package dev.lore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void pageCacheSizeReadsUnitsAndDefaultsTo512MiB() {
        assertThat(Config.fromEnvironment(Map.of()).pageCacheBytes()).isEqualTo(512L << 20);
        assertThat(Config.fromEnvironment(Map.of("LORE_NEO4J_PAGECACHE", "2g")).pageCacheBytes())
                .isEqualTo(2L << 30);
        assertThat(Config.parseSize(" 768M ")).isEqualTo(768L << 20);
        assertThat(Config.parseSize("64mib")).isEqualTo(64L << 20);
        assertThat(Config.parseSize("268435456")).isEqualTo(256L << 20);
    }

    @Test
    void pageCacheSizeRejectsNonsenseAndTinySizesWithTheVariableName() {
        assertThatThrownBy(() -> Config.parseSize("lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LORE_NEO4J_PAGECACHE")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> Config.parseSize("1m")).hasMessageContaining("at least 8m");
    }

    @Test
    void withersKeepThePageCache() {
        var config = Config.fromEnvironment(Map.of("LORE_NEO4J_PAGECACHE", "1g"));
        assertThat(config.withPort(0).withSeed(false).pageCacheBytes()).isEqualTo(1L << 30);
    }
}
