package dev.lore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.indexer.SearchRequest;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.auth.Passwords;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarting on the same data directory loses nothing, in the graph or in the index. */
class RestartIT {
    @TempDir
    Path data;

    private Lore open() {
        return Lore.open(config(), new Passwords(1024, 1));
    }

    private Config config() {
        return Config.fromEnvironment(java.util.Map.of(
                "LORE_PORT", "0",
                "LORE_DATA_DIR", data.toString(),
                "LORE_ADMIN_PASSWORD", "admin-password",
                "LORE_SEED", "false",
                "LORE_SEMANTIC", "false", // the searches here check lexical matches
                "LORE_NEO4J_PAGECACHE", "128m"));
    }

    private static ArticleInput input(String title, String markdown) {
        return new ArticleInput(
                Optional.of(title), markdown, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void keepsArticlesAndTheIndexAcrossARestartAndCatchesUpOnMissedChanges() {
        long seqBefore;
        try (Lore lore = open()) {
            lore.articles().create(input("Blue green deploys", "Switch the router after smoke tests."), Lore.ADMIN_ID);
            // Committed to the graph, never indexed: the process "dies" before indexing.
            new ArticleStore(lore.graph())
                    .create(
                            "canary-releases",
                            new ArticleWrite(
                                    "Canary releases",
                                    "canary-releases",
                                    "Route one percent of traffic first.",
                                    List.of(),
                                    List.of(),
                                    Optional.empty(),
                                    List.of(),
                                    "direct",
                                    Lore.ADMIN_ID,
                                    Instant.now()));
            seqBefore = lore.index().appliedSeq();
        }
        try (Lore lore = open()) {
            assertThat(lore.index().appliedSeq()).isGreaterThan(seqBefore);
            assertThat(lore.index()
                            .search(new SearchRequest("router smoke", 0, 10))
                            .hits())
                    .extracting(h -> h.slug())
                    .containsExactly("blue-green-deploys");
            assertThat(lore.index().search(new SearchRequest("traffic", 0, 10)).hits())
                    .extracting(h -> h.slug())
                    .containsExactly("canary-releases");
            assertThat(lore.articles().count()).isEqualTo(2);
            assertThat(lore.people().find(Lore.ADMIN_ID)).isPresent();
        }
    }

    @Test
    void aStartWithoutDemoModeRevokesTheSessionsAndTokensADemoHandedOut() {
        String session;
        String apiToken;
        try (Lore demo = Lore.open(config().withDemo(true), new Passwords(1024, 1))) {
            var signedIn = demo.auth().login(Lore.ADMIN_ID, "admin-password", "127.0.0.1");
            session = signedIn.token();
            apiToken = demo.auth().createApiToken(signedIn.person());
            assertThat(demo.auth().authenticate(apiToken)).isPresent();
        }
        String plainSession;
        try (Lore plain = open()) {
            assertThat(plain.auth().authenticate(session)).isEmpty();
            assertThat(plain.auth().authenticate(apiToken)).isEmpty();
            plainSession = plain.auth()
                    .login(Lore.ADMIN_ID, "admin-password", "127.0.0.1")
                    .token();
        }
        try (Lore again = open()) {
            assertThat(again.auth().authenticate(plainSession)).isPresent();
        }
    }

    @Test
    void aServerThatAnswersDuringItsStartUpChecksAcceptsNoDemoCredentialsFromBeforeThem() {
        String session;
        try (Lore demo = Lore.open(config().withDemo(true), new Passwords(1024, 1))) {
            session = demo.auth()
                    .login(Lore.ADMIN_ID, "admin-password", "127.0.0.1")
                    .token();
        }
        // as `lore serve` opens it: the checks run in the background, sign-ins wait for them
        try (Lore serving = Lore.openIndexingInBackground(config())) {
            serving.serve();
            assertThat(serving.auth().authenticate(session)).isEmpty();
            assertThat(serving.startingUp().await(java.time.Duration.ofMinutes(5)))
                    .isTrue();
            assertThat(serving.readiness().check().reasons())
                    .noneMatch(reason -> reason.startsWith("start-up checks and migrations"));
        }
    }

    @Test
    void signInsAnswerUnavailableWhenTheStartUpChecksFailed() {
        try (Lore lore = open()) {
            String token = lore.auth()
                    .login(Lore.ADMIN_ID, "admin-password", "127.0.0.1")
                    .token();
            lore.auth().waitFor(java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("down")));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lore.auth().authenticate(token))
                    .isInstanceOf(dev.lore.graph.GraphUnavailableException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> lore.auth().login(Lore.ADMIN_ID, "admin-password", "127.0.0.1"))
                    .isInstanceOf(dev.lore.graph.GraphUnavailableException.class);
            lore.auth().waitFor(java.util.concurrent.CompletableFuture.completedFuture(null));
            assertThat(lore.auth().authenticate(token)).isPresent();
        }
    }
}
