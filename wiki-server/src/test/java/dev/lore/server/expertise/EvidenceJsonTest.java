package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lore.server.web.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON of each kind of evidence, key by key and in order, as the API has always answered it. */
class EvidenceJsonTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final ObjectMapper JSON = Json.mapper();

    private static String json(Map<String, Object> map) throws Exception {
        return JSON.writeValueAsString(map).replace(JSON.writeValueAsString(AT), "\"AT\"");
    }

    @Test
    void anArticleHasItsTitleSlugShareAndEdits() throws Exception {
        var e = new Evidence.Article("Kafka basics", "kafka-basics", 0.62345, 3, 0.123456, Optional.of(AT));
        assertThat(json(ExpertJson.evidenceJson(e)))
                .isEqualTo("{\"kind\":\"article\",\"title\":\"Kafka basics\",\"slug\":\"kafka-basics\",\"share\":0.623,"
                        + "\"edits\":3,\"weight\":0.1235,\"at\":\"AT\"}");
        var untouched = new Evidence.Article("Kafka basics", "kafka-basics", 0, 0, 0.01, Optional.of(AT));
        assertThat(json(ExpertJson.evidenceJson(untouched)))
                .isEqualTo("{\"kind\":\"article\",\"title\":\"Kafka basics\",\"slug\":\"kafka-basics\",\"share\":0.0,"
                        + "\"weight\":0.01,\"at\":\"AT\"}");
    }

    @Test
    void anAnswerHasItsQuestionAsSlugItsVotesAsCountAndWhetherAccepted() throws Exception {
        var e = new Evidence.Answer("How to rebalance?", "q-1", true, 2, 0.5, Optional.of(AT));
        assertThat(json(ExpertJson.evidenceJson(e)))
                .isEqualTo("{\"kind\":\"answer\",\"title\":\"How to rebalance?\",\"slug\":\"q-1\",\"count\":2,"
                        + "\"accepted\":true,\"weight\":0.5,\"at\":\"AT\"}");
        var plain = new Evidence.Answer("How to rebalance?", "q-1", false, 0, 0.25, Optional.of(AT));
        assertThat(json(ExpertJson.evidenceJson(plain)))
                .isEqualTo("{\"kind\":\"answer\",\"title\":\"How to rebalance?\",\"slug\":\"q-1\",\"accepted\":false,"
                        + "\"weight\":0.25,\"at\":\"AT\"}");
    }

    @Test
    void aDeclaredSkillHasItsLevelWhenShownOnAProfileAndNoneInARanking() throws Exception {
        var ranked = new Evidence.Skill("Kafka", Optional.empty(), 0.8, Optional.of(AT));
        assertThat(json(ExpertJson.evidenceJson(ranked)))
                .isEqualTo("{\"kind\":\"skill\",\"skill\":\"Kafka\",\"weight\":0.8,\"at\":\"AT\"}");
        var profile = new Evidence.Skill("Kafka", Optional.of("expert"), 1.0, Optional.empty());
        assertThat(json(ExpertJson.evidenceJson(profile)))
                .isEqualTo("{\"kind\":\"skill\",\"level\":\"expert\",\"skill\":\"Kafka\",\"weight\":1.0,\"at\":null}");
    }

    @Test
    void anEndorsementCountsItsColleagues() throws Exception {
        var e = new Evidence.Endorsement("Kafka", 2, 0.47549, Optional.of(AT));
        assertThat(json(ExpertJson.evidenceJson(e)))
                .isEqualTo(
                        "{\"kind\":\"endorsement\",\"skill\":\"Kafka\",\"count\":2,\"weight\":0.4755,\"at\":\"AT\"}");
    }

    @Test
    void writingAboutASkillHasItsShareAndArticles() throws Exception {
        var e = new Evidence.Writing("Kafka", 1.23456, 4, 1.4346, Optional.of(AT));
        assertThat(json(ExpertJson.evidenceJson(e)))
                .isEqualTo("{\"kind\":\"writing\",\"skill\":\"Kafka\",\"share\":1.235,\"count\":4,\"weight\":1.4346,"
                        + "\"at\":\"AT\"}");
    }
}
