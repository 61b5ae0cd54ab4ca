package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The "Ask an expert" panel of an article, remembered per topic (see {@code TopicExpertsTest}): the
 * reader left out whoever asked first, and fresh after a change.
 */
@ExtendWith(TestLore.class)
class ArticleExpertsIT {
    private TestLore.Running lore;
    private Http http;
    private String carla;
    private String rudi;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        write(carla, "Kafka consumer offsets", "Commit consumer offsets after processing.");
        write(carla, "Kafka consumer lag", "Watch consumer lag per partition.");
    }

    private void write(String token, String title, String markdown) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** The "Ask an expert" panel of the page as {@code token} sees it; "" when there is none. */
    private String panel(String token) {
        lore.settle();
        var r = http.get("/wiki/kafka-consumer-offsets", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        int at = r.body().indexOf("id=\"ask-h\"");
        return at < 0 ? "" : r.body().substring(at, r.body().indexOf("</section>", at));
    }

    @Test
    void theReaderIsNeverSuggestedToThemselvesWhateverWasRemembered() {
        assertThat(panel(rudi)).contains("Carla Contributor");
        assertThat(panel(carla)).doesNotContain("Carla Contributor");
        assertThat(panel(rudi)).contains("Carla Contributor");
    }

    @Test
    void aNewContributionOnTheTopicShowsAtTheNextView() {
        assertThat(panel(rudi)).contains("Carla Contributor").doesNotContain("Bob Berg");
        String bob = lore.person("bob", "Bob Berg", "Data", Role.CONTRIBUTOR);
        write(bob, "Kafka consumer offsets in depth", "Consumer offsets, committed and reset.");
        write(bob, "Resetting Kafka consumer offsets", "Reset consumer offsets with the tool.");

        assertThat(panel(rudi)).contains("Carla Contributor").contains("Bob Berg");
    }
}
