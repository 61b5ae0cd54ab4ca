package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The expertise pages over HTTP, as a browser without JavaScript uses them. */
@ExtendWith(TestLore.class)
class ExpertPagesIT {
    private Http http;

    @BeforeEach
    void setUp(TestLore.Running running, Http http) {
        this.http = http;
        running.lore()
                .people()
                .create(
                        "ana",
                        "Ana Silva",
                        "ana@example.test",
                        "Streaming",
                        "Engineer",
                        Role.CONTRIBUTOR,
                        Optional.of(TestLore.PASSWORD));
        String ana = http.login("ana", TestLore.PASSWORD);
        var r = http.post(
                "/api/articles",
                Map.of(
                        "title", "Kafka consumer groups",
                        "markdown",
                                "Consumers in a group share the partitions.\nOffsets are committed after processing.",
                        "skills", List.of("Kafka")),
                ana);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String browserSession(String user) {
        String csrf = http.get("/login").cookie("lore_csrf");
        var login = http.form(
                "/login", Map.of("username", user, "password", TestLore.PASSWORD, "_csrf", csrf), "lore_csrf=" + csrf);
        assertThat(login.status()).isEqualTo(303);
        return "lore_csrf=" + csrf + "; lore_session=" + login.cookie("lore_session");
    }

    private static String csrfOf(String cookies) {
        return cookies.substring("lore_csrf=".length(), cookies.indexOf(';'));
    }

    @Test
    void aProfileShowsSkillsWithEvidenceAndAColleagueCanEndorseWithAForm() {
        String carla = browserSession("carla.contrib");
        String page = http.getWithCookies("/people/ana", carla).body();
        assertThat(page)
                .contains("Skills and evidence")
                .contains("Kafka")
                .contains("wrote 100%")
                .contains("Endorse");

        var endorse = http.form("/people/ana/endorsements", Map.of("skill", "Kafka", "_csrf", csrfOf(carla)), carla);
        assertThat(endorse.status()).isEqualTo(303);
        assertThat(http.getWithCookies("/people/ana", carla).body())
                .contains("Endorsed ✓")
                .contains("1 colleague");
        assertThat(http.getWithCookies("/api/people/ana", carla)
                        .json()
                        .get("endorsements")
                        .size())
                .isEqualTo(1);

        var withdraw = http.form(
                "/people/ana/endorsements", Map.of("skill", "Kafka", "revoke", "true", "_csrf", csrfOf(carla)), carla);
        assertThat(withdraw.status()).isEqualTo(303);
        assertThat(http.getWithCookies("/api/people/ana", carla)
                        .json()
                        .get("endorsements")
                        .size())
                .isZero();

        var noCsrf = http.form("/people/ana/endorsements", Map.of("skill", "Kafka"), carla);
        assertThat(noCsrf.status()).isEqualTo(403);
    }

    @Test
    void myOwnPageSuggestsWhomToLearnFromAfterISayWhatIWantToLearn() {
        String carla = browserSession("carla.contrib");
        var wants =
                http.form("/people/carla.contrib/wants", Map.of("skills", "kafka, Go", "_csrf", csrfOf(carla)), carla);
        assertThat(wants.status()).isEqualTo(303);
        String page = http.getWithCookies("/people/carla.contrib", carla).body();
        assertThat(page)
                .contains("Learn from")
                .contains("Ana Silva")
                .contains("Suggested because you want to learn Kafka");
        assertThat(http.getWithCookies("/people/ana", carla).body()).doesNotContain("Learn from");

        var other = http.form("/people/ana/wants", Map.of("skills", "Go", "_csrf", csrfOf(carla)), carla);
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void skillAndFindAnExpertPagesListWhomToAsk() {
        String skill = http.get("/skills/kafka").body();
        assertThat(skill)
                .contains("<h1>Kafka</h1>")
                .contains("Whom to ask")
                .contains("Ana Silva")
                .contains("Kafka consumer groups");
        assertThat(http.get("/skills/unknown-skill").status()).isEqualTo(404);

        String found = http.get("/experts?topic=" + Http.enc("committing consumer offsets"))
                .body();
        assertThat(found).contains("Ana Silva").contains("Wrote 100% of");
        assertThat(http.get("/experts?topic=" + Http.enc("quantum gardening")).body())
                .contains("Nobody has written");
        assertThat(http.get("/experts?topic=" + "x".repeat(1_500)).status()).isEqualTo(400);
    }
}
