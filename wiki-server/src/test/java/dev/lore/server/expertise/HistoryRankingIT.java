package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import dev.lore.server.support.TestPeople;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Expert finding credits whoever wrote an article's first versions, even after others rewrote it. */
@ExtendWith(TestLore.class)
class HistoryRankingIT {
    private static final String FIRST = """
            Consumers in a group share the partitions of a topic.
            Each partition is read by exactly one consumer of the group.
            Offsets are committed after processing, never before.
            A rebalance pauses consumption while partitions move.""";
    private static final String REWRITTEN = """
            Kafka consumer groups divide a topic's partitions among members.
            Only one member of a group reads a given partition at a time.
            Commit offsets once a record is handled, not when it arrives.
            Consumption stops for a moment whenever the group rebalances.""";

    private TestLore.Running lore;
    private Http http;
    private TestPeople people;

    @BeforeEach
    void people(TestLore.Running running, Http http) {
        this.lore = running;
        this.http = http;
        people = new TestPeople(running, http)
                .add("ana", "ANA", "Streaming", Role.CONTRIBUTOR)
                .add("ben", "BEN", "Streaming", Role.CONTRIBUTOR);
    }

    private void givenAnaWroteTheFirstVersionAndBenRewroteIt() {
        String slug = people.article("ana", "Kafka consumer groups", FIRST);
        JsonNode current = http.get("/api/articles/" + slug).json();
        var body = new HashMap<String, Object>();
        body.put("title", current.get("title").asText());
        body.put("markdown", REWRITTEN);
        body.put("baseRevision", current.get("revision").asInt());
        assertThat(http.put("/api/articles/" + slug, body, people.token("ben")).status())
                .isEqualTo(200);
    }

    private List<ExpertService.Expert> experts(double history) {
        var ranking = new ExpertService.Ranking(100, 1, 0.02, 1460, false, false, history);
        return lore.lore().experts().experts("kafka consumer groups", 10, true, Set.of(), ranking);
    }

    private static double score(List<ExpertService.Expert> experts, String id) {
        return experts.stream()
                .filter(e -> e.person().id().equals(id))
                .findFirst()
                .orElseThrow()
                .score();
    }

    @Test
    void theFirstAuthorCountsByWhatTheyAddedAndTheExplanationSaysSo() {
        givenAnaWroteTheFirstVersionAndBenRewroteIt();

        var lastingOnly = experts(0);
        var withHistory = experts(0.5);

        // lasting lines alone: ana only has the small credit for having edited it
        assertThat(score(lastingOnly, "ana")).isLessThan(score(lastingOnly, "ben") / 10);
        // with half the weight on lines added, ana (half of all lines ever added) counts for a third of ben
        assertThat(score(withHistory, "ana")).isGreaterThan(score(withHistory, "ben") / 3);
        assertThat(withHistory.stream()
                        .filter(e -> e.person().id().equals("ana"))
                        .findFirst()
                        .orElseThrow()
                        .explanation())
                .startsWith("Wrote most of the first versions of 'Kafka consumer groups' in ");
    }
}
