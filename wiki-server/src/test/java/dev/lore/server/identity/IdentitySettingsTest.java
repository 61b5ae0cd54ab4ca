package dev.lore.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentitySettingsTest {
    private static final Map<String, String> PROVIDER =
            Map.of("LORE_OIDC_ISSUER", "https://sso.example.com/realms/acme", "LORE_OIDC_CLIENT_ID", "lore");

    @Test
    void callsToTheProviderWaitTenSecondsUnlessConfigured() {
        assertThat(IdentitySettings.fromEnvironment(PROVIDER)
                        .oidc()
                        .orElseThrow()
                        .timeout())
                .isEqualTo(Duration.ofSeconds(10));
        var env = new java.util.HashMap<>(PROVIDER);
        env.put("LORE_OIDC_TIMEOUT_MS", "45000");
        assertThat(IdentitySettings.fromEnvironment(env).oidc().orElseThrow().timeout())
                .isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aTimeoutThatIsNotAPositiveNumberIsRefusedAtStart() {
        for (String bad : new String[] {"0", "-5", "ten", "1.5"}) {
            var env = new java.util.HashMap<>(PROVIDER);
            env.put("LORE_OIDC_TIMEOUT_MS", bad);
            assertThatThrownBy(() -> IdentitySettings.fromEnvironment(env))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LORE_OIDC_TIMEOUT_MS");
        }
    }
}
