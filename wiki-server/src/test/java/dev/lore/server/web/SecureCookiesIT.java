package dev.lore.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.LoginThrottle;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cookies are Secure when the request came over HTTPS, as far as Lore can tell. */
@ExtendWith(TestLore.class)
class SecureCookiesIT {
    private static final String CARLA = Http.json(Map.of("username", "carla.contrib", "password", TestLore.PASSWORD));

    private static Http behindProxy(TestLore.Running lore) {
        return lore.another("behind-proxy", c -> c.withTrustedProxies(TrustedProxies.parse("127.0.0.1, ::1")))
                .http();
    }

    private static java.util.List<String> cookies(Http.Response r) {
        return r.all("Set-Cookie").stream()
                .filter(c -> c.startsWith("lore_session=") || c.startsWith("lore_csrf="))
                .toList();
    }

    @Test
    void aTrustedProxySayingHttpsMakesCookiesSecure(TestLore.Running lore) {
        var https = behindProxy(lore).send("POST", "/api/login", CARLA, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(https.status()).isEqualTo(200);
        assertThat(cookies(https)).hasSize(2).allMatch(c -> c.contains("Secure"));

        var http = behindProxy(lore).send("POST", "/api/login", CARLA, null, Map.of());
        assertThat(cookies(http)).hasSize(2).noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void anyoneElseSayingHttpsIsIgnored(Http http) {
        var r = http.send("POST", "/api/login", CARLA, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(cookies(r)).hasSize(2).noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void theClientBehindATrustedProxyIsThrottledByItsOwnAddress(TestLore.Running lore) {
        lore.clock().set(lore.clock().instant());
        Http proxy = behindProxy(lore);
        for (int i = 0; i <= LoginThrottle.CLIENT_FREE; i++) {
            var r = proxy.send(
                    "POST",
                    "/api/login",
                    Http.json(Map.of("username", "guess-" + i, "password", "guess")),
                    null,
                    Map.of("X-Forwarded-For", "203.0.113.9"));
            assertThat(r.status()).isEqualTo(401);
        }
        var guesser = proxy.send("POST", "/api/login", CARLA, null, Map.of("X-Forwarded-For", "203.0.113.9"));
        var colleague = proxy.send("POST", "/api/login", CARLA, null, Map.of("X-Forwarded-For", "198.51.100.4"));
        assertThat(guesser.status()).isEqualTo(429);
        assertThat(colleague.status()).isEqualTo(200);
        // a client cannot pick its own address in front of a proxy: the proxy's last hop counts
        var forged =
                proxy.send("POST", "/api/login", CARLA, null, Map.of("X-Forwarded-For", "198.51.100.4, 203.0.113.9"));
        assertThat(forged.status()).isEqualTo(429);
    }
}
