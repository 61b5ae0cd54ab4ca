package dev.lore.server.curation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.article.ArticleInput;
import dev.lore.server.auth.Role;
import dev.lore.server.seed.MarkdownImport;
import dev.lore.server.seed.Progress;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Content that looks alive: seed packs load verified, owners' edits verify, champions verify in bulk. */
@ExtendWith(TestLore.class)
class FreshContentIT {
    private static final String OLD_PAGE = """
            ---
            title: %s
            owner: carla.contrib
            author: carla.contrib
            date: 2024-01-10
            %s
            ---
            Steps written long ago.
            """;

    private static List<String> staleSlugs(Http http, String token) {
        var r = http.get("/api/curation/stale", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("stale").findValuesAsText("slug");
    }

    private static String article(TestLore.Running lore, String title, String owner, int daysAgo) {
        return lore.lore()
                .articles()
                .create(
                        new ArticleInput(
                                Optional.of(title),
                                "Steps that may have changed since.",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(owner),
                                Optional.empty()),
                        "carla.contrib",
                        Instant.now().minus(Duration.ofDays(daysAgo)))
                .slug();
    }

    @Test
    void theBundledSeedPackOpensWithNoPageOutOfDate(TestLore.Running lore, Http http) {
        lore.seed();
        String admin = http.login("admin", TestLore.PASSWORD);

        assertThat(staleSlugs(http, admin)).isEmpty();
        var onboarding =
                http.get("/api/articles", admin).json().findValuesAsText("slug").getFirst();
        var status = http.get("/api/articles/" + onboarding + "/verification").json();
        assertThat(status.get("verifiedBy").asText()).isEqualTo("admin");
        assertThat(status.get("stale").asBoolean()).isFalse();
    }

    @Test
    void aPackLoadedAsSeedCountsAsVerifiedAndAPlainImportDoesNot(
            TestLore.Running lore, Http http, @TempDir Path seed, @TempDir Path plain) throws IOException {
        Files.writeString(seed.resolve("vpn.md"), OLD_PAGE.formatted("VPN setup", ""));
        Files.writeString(seed.resolve("wifi.md"), OLD_PAGE.formatted("Office wifi", "verified: 2026-11-20"));
        Files.writeString(plain.resolve("printer.md"), OLD_PAGE.formatted("Printer setup", ""));
        Files.writeString(plain.resolve("badge.md"), OLD_PAGE.formatted("Badge access", "verified: 2026-11-20"));

        lore.lore()
                .importer()
                .importFolder(
                        seed,
                        "admin",
                        Optional.empty(),
                        Role.ADMIN,
                        Progress.NONE,
                        MarkdownImport.Verification.AT_LOAD);
        lore.lore().importer().importFolder(plain, "admin", Optional.empty(), Progress.NONE);

        String admin = http.login("admin", TestLore.PASSWORD);
        assertThat(staleSlugs(http, admin)).containsExactly("printer-setup");
        var vpn = http.get("/api/articles/vpn-setup/verification").json();
        assertThat(vpn.get("verifiedBy").asText()).isEqualTo("admin");
        assertThat(Instant.parse(vpn.get("verifiedAt").asText()))
                .isAfter(Instant.now().minus(Duration.ofHours(1)));
        assertThat(http.get("/api/articles/office-wifi/verification")
                        .json()
                        .get("verifiedAt")
                        .asText())
                .startsWith("2026-11-20");
        assertThat(http.get("/api/articles/badge-access/verification")
                        .json()
                        .get("verifiedAt")
                        .asText())
                .startsWith("2026-11-20");
    }

    @Test
    void aPackWithAVerifiedValueThatIsNoDateIsRefusedNamingTheFile(TestLore.Running lore, Http http, @TempDir Path pack)
            throws IOException {
        Files.writeString(pack.resolve("vpn.md"), OLD_PAGE.formatted("VPN setup", "verified: last spring"));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> lore.lore().importer().importFolder(pack, "admin", Optional.empty(), Progress.NONE))
                .hasMessageContaining("vpn.md")
                .hasMessageContaining("verified must be a date");
    }

    @Test
    void anEditByTheOwnerVerifiesThePageAndAnEditBySomeoneElseDoesNot(TestLore.Running lore, Http http) {
        lore.person("owen.owner", "Owen Owner", "Platform", Role.CONTRIBUTOR);
        String mine = article(lore, "VPN setup", "owen.owner", 400);
        String theirs = article(lore, "Office wifi", "owen.owner", 400);
        var articles = lore.lore().articles();
        String edited = "Steps checked again.";
        var input = new ArticleInput(
                Optional.empty(), edited, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        articles.update(mine, 1, input, "owen.owner");
        articles.update(theirs, 1, input, "carla.contrib");

        String admin = http.login("admin", TestLore.PASSWORD);
        assertThat(staleSlugs(http, admin)).containsExactly(theirs);
        assertThat(http.get("/api/articles/" + mine + "/verification")
                        .json()
                        .get("verifiedBy")
                        .asText())
                .isEqualTo("owen.owner");
    }

    @Test
    void aChampionVerifiesSelectedPagesFromTheListAndStaysOnIt(TestLore.Running lore, Http http) {
        String a = article(lore, "VPN setup", "carla.contrib", 300);
        String b = article(lore, "Office wifi", "carla.contrib", 250);
        String c = article(lore, "Printer setup", "carla.contrib", 200);
        lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        String cookies = http.browserSession("cora.champion", TestLore.PASSWORD);
        String csrf = Http.csrfOf(cookies);

        String list = http.getWithCookies("/curation/stale", cookies).body();
        assertThat(list)
                .contains("Verify selected")
                .contains("value=\"" + a + "\"")
                .doesNotContain("<table");

        var done = http.form(
                "/curation/stale/verify",
                List.of(
                        Map.entry("_csrf", csrf),
                        Map.entry("slug", a),
                        Map.entry("slug", c),
                        Map.entry("bulk", "selected")),
                cookies);

        assertThat(done.status()).as(done.body()).isEqualTo(303);
        assertThat(done.header("Location").orElseThrow()).isEqualTo("/curation/stale?verified=2");
        String after =
                http.getWithCookies("/curation/stale?verified=2", cookies).body();
        assertThat(after).contains("Verified 2 pages.").contains("value=\"" + b + "\"");
        assertThat(staleSlugs(http, http.login("admin", TestLore.PASSWORD))).containsExactly(b);

        var one = http.form("/curation/stale/verify", List.of(Map.entry("_csrf", csrf), Map.entry("only", b)), cookies);
        assertThat(one.header("Location").orElseThrow()).isEqualTo("/curation/stale?verified=1");
        assertThat(http.getWithCookies("/curation/stale?verified=1", cookies).body())
                .contains("Verified 1 page.")
                .contains("Nothing is past due");
    }

    @Test
    void aReaderCannotVerifyOthersPagesInBulkAndNothingChanges(TestLore.Running lore, Http http) {
        String a = article(lore, "VPN setup", "carla.contrib", 300);
        String cookies = http.browserSession("rudi.reader", TestLore.PASSWORD);

        var refused = http.form(
                "/curation/stale/verify",
                List.of(Map.entry("_csrf", Http.csrfOf(cookies)), Map.entry("slug", a)),
                cookies);
        var empty = http.form("/curation/stale/verify", List.of(Map.entry("_csrf", Http.csrfOf(cookies))), cookies);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(staleSlugs(http, http.login("admin", TestLore.PASSWORD))).containsExactly(a);
        assertThat(empty.status()).isEqualTo(303);
        assertThat(http.getWithCookies(empty.header("Location").orElseThrow(), cookies)
                        .body())
                .contains("Nothing was verified");
    }
}
