package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.notify.Preferences;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {
    private static Preferences prefs(String digest, int hour, DayOfWeek day, String zone) {
        return new Preferences(Map.of(), Map.of(), digest, hour, day, ZoneId.of(zone), false);
    }

    @Test
    void dailyDigestIsDueAtTheHourInThePersonsZone() {
        var berlin = prefs("daily", 8, DayOfWeek.MONDAY, "Europe/Berlin");
        // 06:30 UTC is 07:30 in Berlin in winter: yesterday's 08:00 is the latest slot
        assertThat(DigestSchedule.latestSlot(berlin, Instant.parse("2026-12-02T06:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(DigestSchedule.latestSlot(berlin, Instant.parse("2026-12-02T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
    }

    @Test
    void weeklyDigestIsDueOnTheChosenDay() {
        var friday = prefs("weekly", 9, DayOfWeek.FRIDAY, "UTC");
        // Wednesday 2 December 2026: the latest Friday 09:00 is 27 November
        assertThat(DigestSchedule.latestSlot(friday, Instant.parse("2026-12-02T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(DigestSchedule.latestSlot(friday, Instant.parse("2026-12-04T08:59:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(DigestSchedule.latestSlot(friday, Instant.parse("2026-12-04T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-04T09:00:00Z"));
    }

    @Test
    void settingsAreCheckedWithTheVariableNamed() {
        assertThat(NotifyConfig.fromEnvironment(Map.of()).emailOn()).isFalse();
        assertThat(NotifyConfig.fromEnvironment(Map.of("LORE_SMTP_HOST", "mail.example.com"))
                        .smtpPort())
                .isEqualTo(587);
        assertThatThrownBy(() -> NotifyConfig.fromEnvironment(Map.of("LORE_SMTP_PORT", "x")))
                .hasMessageContaining("LORE_SMTP_PORT");
        assertThatThrownBy(() -> NotifyConfig.fromEnvironment(Map.of("LORE_SMTP_STARTTLS", "maybe")))
                .hasMessageContaining("LORE_SMTP_STARTTLS");
        assertThatThrownBy(() -> NotifyConfig.fromEnvironment(Map.of("LORE_BASE_URL", "ftp://x")))
                .hasMessageContaining("LORE_BASE_URL");
        assertThat(NotifyConfig.fromEnvironment(Map.of("LORE_BASE_URL", "https://lore.example.com/"))
                        .baseUrl()
                        .toString())
                .isEqualTo("https://lore.example.com");
        assertThat(NotifyConfig.fromEnvironment(Map.of()).sendTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(NotifyConfig.fromEnvironment(Map.of("LORE_NOTIFY_TIMEOUT_MS", "45000"))
                        .sendTimeout())
                .isEqualTo(java.time.Duration.ofSeconds(45));
        assertThatThrownBy(() -> NotifyConfig.fromEnvironment(Map.of("LORE_NOTIFY_TIMEOUT_MS", "0")))
                .hasMessageContaining("LORE_NOTIFY_TIMEOUT_MS");
    }
}
