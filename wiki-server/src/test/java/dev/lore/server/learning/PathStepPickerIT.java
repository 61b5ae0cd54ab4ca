package dev.lore.server.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The path form's step picker, posted as a browser without JavaScript posts it: Find lists the
 * pages that match as buttons, a button adds its page as a step, and a step that names no page
 * (or several) comes back with the pages like it instead of only failing.
 */
@ExtendWith(TestLore.class)
class PathStepPickerIT {
    private Http http;
    private String cora;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        String carla = lore.person("carla.contrib", "Carla Contrib", "Platform", Role.CONTRIBUTOR);
        var pages = Map.of(
                "Laptop setup", "Install the IDE and the chat client.",
                "VPN access", "Ask IT for a token.",
                "Kubernetes deploys", "Roll back a release with helm rollback when a canary fails.");
        pages.forEach((title, body) -> {
            var r = http.post("/api/articles", Map.of("title", title, "markdown", body), carla);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        });
        lore.settle();
        cora = http.browserSession("cora.champion", TestLore.PASSWORD);
    }

    private Http.Response post(Map<String, String> fields) {
        var all = new LinkedHashMap<String, String>();
        all.put("_csrf", Http.csrfOf(cora));
        all.put("title", "Ramp-up");
        all.put("level", "newcomer");
        all.putAll(fields);
        return http.form("/paths", List.copyOf(all.entrySet()), cora);
    }

    private List<String> savedRefs(Http.Response saved) {
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        String id = saved.header("Location").orElseThrow().substring("/paths/".length());
        return http.get("/api/paths/" + id).json().get("steps").findValuesAsText("ref");
    }

    @Test
    void findOffersMatchingPagesAsButtonsAndOneAddsItsPageAsTheLastStep() {
        var found = post(Map.of("steps", "Laptop setup", "find", "kube", "intent", "find"));

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.body())
                .contains("name=\"add\" value=\"kubernetes-deploys\"")
                .contains("Add Kubernetes deploys")
                .doesNotContain("value=\"vpn-access\"")
                .contains(">Laptop setup</textarea>");

        var added = post(Map.of("steps", "Laptop setup", "find", "kube", "add", "kubernetes-deploys"));

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.body())
                .contains(">Laptop setup\nKubernetes deploys</textarea>")
                .contains("as step 2");
        assertThat(savedRefs(post(Map.of("steps", "Laptop setup\nKubernetes deploys"))))
                .containsExactly("laptop-setup", "kubernetes-deploys");
    }

    @Test
    void findSearchesTheWordsOfPagesNotOnlyTheirTitles() {
        var found = post(Map.of("steps", "", "find", "helm rollback", "intent", "find"));

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("name=\"add\" value=\"kubernetes-deploys\"");
    }

    @Test
    void findingNothingSaysSo() {
        var found = post(Map.of("steps", "Laptop setup", "find", "zzyzx qqqq", "intent", "find"));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("No page matches “zzyzx qqqq”").doesNotContain("name=\"add\"");
    }

    @Test
    void aStepNamingNoPageComesBackWithPagesLikeItThatReplaceIt() {
        var refused = post(Map.of("steps", "Laptop setup\nKubernetes deploy guide | What did you roll back?"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("no live article")
                .contains("name=\"pick\" value=\"2 kubernetes-deploys\"")
                .contains("Use Kubernetes deploys as step 2");

        var picked = post(Map.of(
                "steps", "Laptop setup\nKubernetes deploy guide | What did you roll back?",
                "pick", "2 kubernetes-deploys"));

        assertThat(picked.status()).as(picked.body()).isEqualTo(200);
        assertThat(picked.body()).contains(">Laptop setup\nKubernetes deploys | What did you roll back?</textarea>");
        assertThat(savedRefs(post(Map.of("steps", "Laptop setup\nKubernetes deploys | What did you roll back?"))))
                .containsExactly("laptop-setup", "kubernetes-deploys");
    }

    @Test
    void aStepNamingSeveralPagesOffersThemAll() {
        var refused = post(Map.of("steps", "s"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("several pages match")
                .contains("name=\"pick\" value=\"1 kubernetes-deploys\"")
                .contains("name=\"pick\" value=\"1 vpn-access\"");
    }

    @Test
    void enterWithNothingToFindSavesThePath() {
        assertThat(savedRefs(post(Map.of("steps", "VPN access", "find", "", "intent", "find"))))
                .containsExactly("vpn-access");
    }

    @Test
    void aPickOfSomethingThatIsNoPageOrAFindTooLongIsRefused() {
        assertThat(post(Map.of("steps", "VPN access", "add", "no-such-page")).status())
                .isEqualTo(400);
        assertThat(post(Map.of("steps", "VPN access", "pick", "x vpn-access")).status())
                .isEqualTo(400);
        assertThat(post(Map.of("steps", "VPN access", "find", "x".repeat(201), "intent", "find"))
                        .status())
                .isEqualTo(400);
    }
}
