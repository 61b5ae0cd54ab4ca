package dev.lore.server.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.AllAtOnce;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Answers to concurrent writes on questions describe each caller's own write. */
@ExtendWith(TestLore.class)
class ConcurrentVotesIT {
    private static final int VOTERS = 12;

    @Test
    void everyVoteIsAnsweredWithTheCountItsOwnVoteMade(TestLore.Running lore, Http http) throws Exception {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        String question = http.post("/api/questions", Map.of("title", "Who owns the build cache?"), carla)
                .json()
                .get("id")
                .asText();
        var answered =
                http.post("/api/questions/" + question + "/answers", Map.of("markdown", "The platform team."), carla);
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        String answer = answered.json().get("id").asText();
        var tokens = new ArrayList<String>();
        for (int i = 0; i < VOTERS; i++) {
            tokens.add(lore.person("voter" + i, "Voter " + i, "Sales", Role.READER));
        }

        List<Integer> counts = AllAtOnce.run(VOTERS, i -> () -> {
            var r = http.post("/api/answers/" + answer + "/votes", Map.of(), tokens.get(i));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return r.json().get("helpful").asInt();
        });

        // votes are counted in the vote's own transaction: the k-th vote to commit is told k
        assertThat(counts)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, VOTERS).boxed().toList());
    }
}
