package dev.lore.server.notify;

import dev.lore.graph.notify.Preferences;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** When digests go out: at the chosen hour in the person's zone, every day or on the chosen day. */
final class DigestSchedule {
    private DigestSchedule() {}

    /** The latest digest time at or before {@code now}. */
    static Instant latestSlot(Preferences p, Instant now) {
        ZonedDateTime local = now.atZone(p.zone());
        ZonedDateTime slot = local.truncatedTo(ChronoUnit.DAYS).withHour(p.digestHour());
        if (p.digest().equals("weekly")) {
            slot = slot.with(TemporalAdjusters.previousOrSame(p.digestDay()));
            if (slot.isAfter(local)) {
                slot = slot.minusWeeks(1);
            }
        } else if (slot.isAfter(local)) {
            slot = slot.minusDays(1);
        }
        return slot.toInstant();
    }
}
