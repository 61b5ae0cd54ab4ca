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

    @Test
    void operationsHaveSafeDefaultsAndReadTheirVariables() {
        var defaults = Config.fromEnvironment(Map.of()).ops();
        assertThat(defaults.idleTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(defaults.bodyTimeout()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(defaults.maxUploads()).isEqualTo(32);
        assertThat(defaults.neo4jConnectAttempts()).isEqualTo(5);
        assertThat(defaults.slowRequest()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(defaults.readyMaxIndexLag()).isZero();

        var set = Config.fromEnvironment(Map.of(
                        "LORE_HTTP_IDLE_TIMEOUT_MS", "5000",
                        "LORE_HTTP_BODY_TIMEOUT_MS", "20000",
                        "LORE_MAX_UPLOADS", "4",
                        "LORE_NEO4J_CONNECT_ATTEMPTS", "12",
                        "LORE_SLOW_REQUEST_MS", "0",
                        "LORE_READY_MAX_INDEX_LAG", "50",
                        "LORE_METRICS", "public"))
                .ops();
        assertThat(set.idleTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(set.bodyTimeout()).isEqualTo(java.time.Duration.ofSeconds(20));
        assertThat(set.maxUploads()).isEqualTo(4);
        assertThat(set.neo4jConnectAttempts()).isEqualTo(12);
        assertThat(set.slowRequest()).isZero();
        assertThat(set.readyMaxIndexLag()).isEqualTo(50);
        assertThat(set.metrics().mode()).isEqualTo(dev.lore.server.ops.MetricsAccess.Mode.PUBLIC);
    }

    @Test
    void operationsRejectNonsenseWithTheVariableName() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LORE_MAX_UPLOADS", "0")))
                .hasMessageContaining("LORE_MAX_UPLOADS must be 1 or more, was 0");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LORE_NEO4J_CONNECT_ATTEMPTS", "many")))
                .hasMessageContaining("LORE_NEO4J_CONNECT_ATTEMPTS must be a whole number, was 'many'");
    }

    @Test
    void withersKeepTheOperations() {
        var config = Config.fromEnvironment(Map.of("LORE_MAX_UPLOADS", "3"));
        assertThat(config.withPort(0)
                        .withSeed(false)
                        .withDataDir(java.nio.file.Path.of("x"))
                        .ops()
                        .maxUploads())
                .isEqualTo(3);
    }

    @Test
    void safeByDefaultThisMachineOnlyNoDemoPeoplePrivateNoTrustedProxies() {
        var config = Config.fromEnvironment(Map.of());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.demo()).isFalse();
        assertThat(config.publicPeople()).isFalse();
        assertThat(config.trustedProxies().isEmpty()).isTrue();
    }

    @Test
    void searchByMeaningIsOnUnlessSwitchedOff() {
        assertThat(Config.fromEnvironment(Map.of()).semantic()).isTrue();
        assertThat(Config.fromEnvironment(Map.of("LORE_SEMANTIC", "false")).semantic())
                .isFalse();
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LORE_SEMANTIC", "maybe")))
                .hasMessageContaining("LORE_SEMANTIC");
    }

    @Test
    void readsTheSecuritySettingsAndWithersKeepThem() {
        var config = Config.fromEnvironment(Map.of(
                "LORE_HOST", "0.0.0.0",
                "LORE_DEMO", "true",
                "LORE_PUBLIC_PEOPLE", "TRUE",
                "LORE_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.7 ,::1"));
        var changed = config.withPort(0).withSeed(false).withDataDir(java.nio.file.Path.of("x"));
        assertThat(changed.host()).isEqualTo("0.0.0.0");
        assertThat(changed.demo()).isTrue();
        assertThat(changed.publicPeople()).isTrue();
        assertThat(changed.trustedProxies().trusts("10.20.30.40")).isTrue();
        assertThat(changed.trustedProxies().trusts("192.168.1.7")).isTrue();
        assertThat(changed.trustedProxies().trusts("192.168.1.8")).isFalse();
        assertThat(changed.trustedProxies().trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(changed.trustedProxies().trusts("11.0.0.1")).isFalse();
    }

    @Test
    void rejectsUnclearSecuritySettingsWithTheVariableName() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LORE_DEMO", "yes")))
                .hasMessageContaining("LORE_DEMO");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LORE_TRUSTED_PROXIES", "proxy.example")))
                .hasMessageContaining("LORE_TRUSTED_PROXIES")
                .hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LORE_TRUSTED_PROXIES", "10.0.0.0/33")))
                .hasMessageContaining("0-32");
    }

    @Test
    void aChatLinkIsAnHttpAddressWithTheHandleInIt() {
        assertThat(Config.fromEnvironment(Map.of()).chatLink()).isEmpty();
        assertThat(Config.fromEnvironment(Map.of("LORE_CHAT_LINK", " https://chat.example/u/{handle} "))
                        .chatLink())
                .contains("https://chat.example/u/{handle}");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LORE_CHAT_LINK", "https://chat.example/u/")))
                .hasMessageContaining("{handle}");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("LORE_CHAT_LINK", "javascript:{handle}")))
                .hasMessageContaining("LORE_CHAT_LINK");
    }
}
