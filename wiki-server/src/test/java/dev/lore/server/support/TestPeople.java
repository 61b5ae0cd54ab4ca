package dev.lore.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of a test, created in the running Lore and signed in, known by a short name ("ana");
 * writes pages, questions and answers as them through the API. One per test: made in {@code @BeforeEach}.
 */
public final class TestPeople {
    private final TestLore.Running lore;
    private final Http http;
    private final Map<String, String> tokens = new HashMap<>();

    public TestPeople(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
    }

    /** Creates person {@code who} (also their id) and signs them in. */
    public TestPeople add(String who, String name, String team, Role role) {
        return add(who, who, name, team, role);
    }

    /** Creates the person {@code id}, known in the test as {@code who}, and signs them in. */
    public TestPeople add(String who, String id, String name, String team, Role role) {
        tokens.put(who, lore.person(id, name, team, role));
        return this;
    }

    /** Signs in {@code who}, a person created elsewhere in the test with the test password. */
    public TestPeople signIn(String who) {
        tokens.put(who, http.login(who, TestLore.PASSWORD));
        return this;
    }

    /** The API token of {@code who}. */
    public String token(String who) {
        String token = tokens.get(who);
        if (token == null) {
            throw new IllegalArgumentException("nobody called '" + who + "' in this test, only " + tokens.keySet());
        }
        return token;
    }

    /** {@code who} writes a page; its slug. */
    public String article(String who, String title, String markdown) {
        return article(who, Map.of("title", title, "markdown", markdown));
    }

    /** {@code who} writes a page about {@code skills}; its slug. */
    public String article(String who, String title, String markdown, List<String> skills) {
        return article(who, Map.of("title", title, "markdown", markdown, "skills", skills));
    }

    /** {@code who} asks a question; the question as the API answers it. */
    public JsonNode ask(String who, String title, String markdown, List<String> skills) {
        var r = http.post("/api/questions", Map.of("title", title, "markdown", markdown, "skills", skills), token(who));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** {@code who} answers a question; the answer's id. */
    public String answer(String who, String questionId, String markdown) {
        var r = http.post("/api/questions/" + questionId + "/answers", Map.of("markdown", markdown), token(who));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private String article(String who, Map<String, Object> fields) {
        var r = http.post("/api/articles", fields, token(who));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }
}
