package dev.lore.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Password guessing slows down per account and per address, on every server sharing the graph. */
@ExtendWith(TestLore.class)
class LoginThrottleIT {
    private static Http.Response login(Http http, String username, String password) {
        return http.post("/api/login", Map.of("username", username, "password", password), null);
    }

    private static void failFreely(Http http, String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(login(http, username, "wrong-guess-" + i).status()).isEqualTo(401);
        }
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword(TestLore.Running lore, Http http) {
        lore.clock().set(lore.clock().instant());
        failFreely(http, "carla.contrib", LoginThrottle.ACCOUNT_FREE + 1);

        var locked = login(http, "carla.contrib", TestLore.PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).contains("1");
        assertThat(locked.json().get("error").asText()).isEqualTo("too_many_attempts");
        assertThat(locked.json().get("detail").asText()).contains("try again in 1 second");

        lore.clock().set(lore.clock().instant().plusSeconds(1));
        assertThat(login(http, "carla.contrib", TestLore.PASSWORD).status()).isEqualTo(200);
        // signing in forgot the account's failures: the next wrong password is an ordinary 401
        failFreely(http, "carla.contrib", LoginThrottle.ACCOUNT_FREE);
        assertThat(login(http, "carla.contrib", TestLore.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes(TestLore.Running lore, Http http) {
        lore.clock().set(lore.clock().instant());
        failFreely(http, "carla.contrib", LoginThrottle.ACCOUNT_FREE + 1);
        long[] expected = {2, 4, 8};
        for (long seconds : expected) {
            lore.clock().set(lore.clock().instant().plus(Duration.ofMinutes(15)));
            assertThat(login(http, "carla.contrib", "still-wrong").status()).isEqualTo(401);
            assertThat(login(http, "carla.contrib", TestLore.PASSWORD).header("Retry-After"))
                    .contains(Long.toString(seconds));
        }
        for (int i = 0; i < 12; i++) {
            lore.clock().set(lore.clock().instant().plus(Duration.ofMinutes(15)));
            login(http, "carla.contrib", "still-wrong");
        }
        assertThat(login(http, "carla.contrib", TestLore.PASSWORD).header("Retry-After"))
                .contains("900");
    }

    @Test
    void anEmailAndAnIdOfOnePersonShareTheirCount(TestLore.Running lore, Http http) {
        lore.clock().set(lore.clock().instant());
        failFreely(http, "carla.contrib", 3);
        failFreely(http, "carla@example.test", 3);
        assertThat(login(http, "carla.contrib", TestLore.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedToo(TestLore.Running lore, Http http) {
        lore.clock().set(lore.clock().instant());
        for (int i = 0; i <= LoginThrottle.CLIENT_FREE; i++) {
            assertThat(login(http, "someone-" + i, "guess").status()).isEqualTo(401);
        }
        assertThat(login(http, "rudi.reader", TestLore.PASSWORD).status()).isEqualTo(429);
        lore.clock().set(lore.clock().instant().plusSeconds(1));
        assertThat(login(http, "rudi.reader", TestLore.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void everyServerOnTheGraphSeesTheLock(TestLore.Running lore, Http http) {
        lore.clock().set(lore.clock().instant());
        Http replica = lore.another("replica", c -> c).http();
        failFreely(http, "carla.contrib", LoginThrottle.ACCOUNT_FREE + 1);
        assertThat(login(replica, "carla.contrib", TestLore.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void theSignInFormSaysWhenToTryAgain(TestLore.Running lore, Http http) {
        lore.clock().set(lore.clock().instant());
        failFreely(http, "carla.contrib", LoginThrottle.ACCOUNT_FREE + 1);
        String csrf = http.get("/login").cookie("lore_csrf");
        var page = http.form(
                "/login",
                Map.of("username", "carla.contrib", "password", TestLore.PASSWORD, "_csrf", csrf),
                "lore_csrf=" + csrf);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).contains("1");
        assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body())
                .contains("Too many failed sign-ins")
                .contains("try again in 1 second")
                .contains("name=\"username\"");
        assertThat(page.all("Set-Cookie")).noneMatch(c -> c.startsWith("lore_session="));
    }
}
