package dev.lore.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.person.Person;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The warm-up's pass shows pages as a person only for read requests that present it while it is live. */
class WarmPassTest {
    private final Person admin =
            new Person("admin", "Administrator", "", "", "Lore administrator", "admin", true, Instant.EPOCH);
    private final WarmPass pass = new WarmPass();

    @Test
    void aLivePassShowsReadRequestsAsItsViewer() {
        String token = pass.issue(admin);

        assertThat(pass.viewer("GET", token)).contains(admin);
        assertThat(pass.viewer("HEAD", token)).contains(admin);
        assertThat(token).matches("[0-9a-f]{64}");
    }

    @Test
    void aPassNeverSignsInAWrite() {
        String token = pass.issue(admin);

        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            assertThat(pass.viewer(method, token)).as(method).isEmpty();
        }
    }

    @Test
    void anotherValueNoValueOrARevokedPassSignsNobodyIn() {
        String token = pass.issue(admin);

        assertThat(pass.viewer("GET", token.replace(token.charAt(0), token.charAt(0) == 'a' ? 'b' : 'a')))
                .isEmpty();
        assertThat(pass.viewer("GET", null)).isEmpty();
        assertThat(pass.viewer("GET", "")).isEmpty();
        pass.revoke();
        assertThat(pass.viewer("GET", token)).isEmpty();
        assertThat(pass.live()).isFalse();
    }

    @Test
    void aNewPassReplacesTheOldOne() {
        String first = pass.issue(admin);
        String second = pass.issue(admin);

        assertThat(second).isNotEqualTo(first);
        assertThat(pass.viewer("GET", first)).isEmpty();
        assertThat(pass.viewer("GET", second)).contains(admin);
    }
}
