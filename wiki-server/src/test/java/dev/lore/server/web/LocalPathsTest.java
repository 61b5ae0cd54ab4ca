package dev.lore.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/\t/evil.example",
                "/\n/evil.example",
                "/\r/evil.example",
                "/\\evil.example",
                "\\/evil.example",
                "//evil.example",
                "///evil.example",
                "https://evil.example",
                "javascript:alert(1)",
                "evil.example",
                "/ /evil.example",
                "/\u0000/evil.example",
                "/\u007f/evil.example",
                "/\u2028/evil.example",
                ""
            })
    void refusesAnythingABrowserCouldReadAsAnotherSite(String next) {
        assertThat(LocalPaths.local(next)).isEmpty();
        assertThat(LocalPaths.localOr(next, "/")).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/", "/wiki/kafka", "/search?q=kafka+consumer&page=2", "/paths/p1#step-2", "/wiki/caf%C3%A9"})
    void keepsPathsOnThisSite(String next) {
        assertThat(LocalPaths.local(next)).contains(next);
    }
}
