package dev.lore.server.person;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding a colleague ("who is my buddy") from what a newcomer remembers: a first name, part of a
 * team's name, a skill written another way. Partial input finds the people; an exact match ranks
 * first.
 */
@ExtendWith(TestLore.class)
class FindPeoplePartlyIT {
    private static final Pattern PERSON = Pattern.compile("class=\"card-title\" href=\"/people/([^\"]+)\"");

    private Http http;
    private String admin;
    private String reader;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        admin = lore.person("root.admin", "Root Admin", "IT", Role.ADMIN);
        lore.person("ana", "Ana Silva", "Reliability Engineering", Role.CONTRIBUTOR);
        lore.person("anabel", "Anabel Kröger", "Sales", Role.CONTRIBUTOR);
        lore.person("luciana", "Luciana Berg", "Data Reliability", Role.CONTRIBUTOR);
        lore.person("bob", "Bob Okafor", "Streaming", Role.CONTRIBUTOR);
        lore.person("dana", "Dana Rossi", "Frontend", Role.CONTRIBUTOR);
        declare("bob", "Kubernetes", "Kafka");
        declare("dana", "Node.js");
        declare("luciana", "Kubernetes operators");
        lore.person("rudi", "Rudi Reader", "Support", Role.READER);
        reader = http.browserSession("rudi", TestLore.PASSWORD);
    }

    private void declare(String person, String... skills) {
        var r = http.put(
                "/api/people/" + person + "/skills",
                Map.of(
                        "skills",
                        List.of(skills).stream()
                                .map(s -> Map.of("name", s, "level", "expert"))
                                .toList()),
                admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private List<String> found(String query) {
        var page = http.getWithCookies("/people?" + query, reader);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return PERSON.matcher(page.body()).results().map(m -> m.group(1)).toList();
    }

    @Test
    void aFirstNameAloneFindsThePersonAndTheExactNameRanksFirst() {
        assertThat(found("q=ana"))
                .startsWith("ana")
                .contains("anabel", "luciana", "dana")
                .doesNotContain("bob");
        assertThat(found("q=ANA+silva")).containsExactly("ana");
        assertThat(found("q=kroger")).containsExactly("anabel");
    }

    @Test
    void partOfATeamNameFindsItsPeople() {
        assertThat(found("q=relia")).containsExactlyInAnyOrder("ana", "luciana");
        assertThat(found("q=data+reliability")).startsWith("luciana");
    }

    @Test
    void aSkillWrittenDifferentlyFindsItsPeopleWithTheExactSkillFirst() {
        assertThat(found("q=kuber")).containsExactly("bob", "luciana");
        assertThat(found("q=kubernetes")).containsExactly("bob", "luciana");
        assertThat(found("q=nodejs")).containsExactly("dana");
        assertThat(found("skill=kuber")).containsExactlyInAnyOrder("bob", "luciana");
        assertThat(found("skill=kube")).containsExactly("bob");
        assertThat(found("skill=Kubernetes")).containsExactly("bob");
        assertThat(found("skill=nodejs")).containsExactly("dana");
    }

    @Test
    void typingThatMatchesNobodySaysSoAndTooLongIsRefused() {
        var page = http.getWithCookies("/people?q=zzyzx", reader);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Nobody matches");
        assertThat(http.getWithCookies("/people?q=" + "x".repeat(101), reader).status())
                .isEqualTo(400);
    }

    @Test
    void theExpertFinderTakesTheStartOfASkillsName() {
        var experts = http.get("/api/experts?topic=kuber", admin);
        assertThat(experts.status()).as(experts.body()).isEqualTo(200);
        assertThat(experts.json().get("skills").toString()).contains("kubernete");
        assertThat(experts.json().get("experts").findValuesAsText("id")).contains("bob");
    }
}
