package dev.lore.server.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The home page's recent pages and counts are kept between views, and follow every change. */
@ExtendWith(TestLore.class)
class HomeFiguresIT {
    private Http http;
    private String carla;
    private String rudi;
    private String champ;

    @BeforeEach
    void signIn(TestLore.Running lore, Http http) {
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
        this.rudi = http.login("rudi.reader", TestLore.PASSWORD);
        this.champ = lore.person("chris.champion", "Chris Champion", "Enablement", Role.CHAMPION);
    }

    private String home() {
        var r = http.get("/", rudi);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aPageCreatedAfterAViewIsListedOnTheNextAndAHiddenOneIsNot() {
        assertThat(home()).doesNotContain("Broker restarts");

        var created = http.post("/api/articles", Map.of("title", "Broker restarts", "markdown", "Steps."), carla);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(home()).contains("Broker restarts");

        var hidden = http.post("/api/moderation/article/broker-restarts/hide", Map.of("reason", "spam"), champ);
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(204);
        assertThat(home()).doesNotContain("Broker restarts");
    }
}
