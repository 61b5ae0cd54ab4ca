package dev.lore.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsAccessTest {
    @Test
    void defaultsToLocalAndReadsEveryMode() {
        assertThat(MetricsAccess.parse(null, null).mode()).isEqualTo(MetricsAccess.Mode.LOCAL);
        assertThat(MetricsAccess.parse(" Public ", null).mode()).isEqualTo(MetricsAccess.Mode.PUBLIC);
        assertThat(MetricsAccess.parse("off", null).mode()).isEqualTo(MetricsAccess.Mode.OFF);
        assertThat(MetricsAccess.parse("token", "0123456789abcdef").token()).contains("0123456789abcdef");
    }

    @Test
    void tokenModeNeedsALongEnoughTokenAndNonsenseIsRejected() {
        assertThatThrownBy(() -> MetricsAccess.parse("token", "short")).hasMessageContaining("LORE_METRICS_TOKEN");
        assertThatThrownBy(() -> MetricsAccess.parse("everyone", null))
                .hasMessageContaining("LORE_METRICS")
                .hasMessageContaining("everyone");
    }

    @Test
    void onlyLoopbackPeersCountAsLocal() {
        assertThat(OpsRoutes.isLoopback("127.0.0.1")).isTrue();
        assertThat(OpsRoutes.isLoopback("127.8.0.3")).isTrue();
        assertThat(OpsRoutes.isLoopback("[::1]")).isTrue();
        assertThat(OpsRoutes.isLoopback("0:0:0:0:0:0:0:1%0")).isTrue();
        assertThat(OpsRoutes.isLoopback("::ffff:127.0.0.1")).isTrue();
        assertThat(OpsRoutes.isLoopback("10.0.0.7")).isFalse();
        assertThat(OpsRoutes.isLoopback("172.17.0.1")).isFalse();
        assertThat(OpsRoutes.isLoopback("::ffff:10.1.2.3")).isFalse();
        assertThat(OpsRoutes.isLoopback(null)).isFalse();
    }
}
