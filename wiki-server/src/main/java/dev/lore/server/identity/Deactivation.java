package dev.lore.server.identity;

import dev.lore.graph.expertise.PersonInfo;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthAudit;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.person.PersonService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a person leaves and comes back: an admin ({@code PUT /api/people/{id}/availability}
 * with {@code inactive}), the directory over SCIM ({@code active: false}, {@code DELETE}) and
 * anything else that deactivates goes through {@link #deactivate}. Deactivating makes the person
 * inactive at once (their sessions and API tokens end; they stay as authors and are never
 * suggested), writes it to the audit log, and then tells every {@link #onDeactivated listener}
 * (for example the owner handover), after the change is committed. Reactivating is the reverse,
 * without giving back sessions or tokens. Thread-safe.
 */
public final class Deactivation {
    private static final Logger LOG = LoggerFactory.getLogger(Deactivation.class);

    /** A person who just left: who, who said so ({@code scim}, or an admin's id), how, and when. */
    public record Departure(String personId, String actor, String how, Instant at) {}

    /** Told after a person was deactivated; runs on the thread that deactivated them. */
    @FunctionalInterface
    public interface Listener {
        void deactivated(Departure departure);
    }

    private final ExpertService experts;
    private final PersonService people;
    private final AuthAudit audit;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<TeamListener> teamListeners = new CopyOnWriteArrayList<>();

    /** Told after the directory moved a person from one team to another. */
    @FunctionalInterface
    public interface TeamListener {
        void moved(String personId, String fromTeam, String toTeam, String actor);
    }

    public Deactivation(ExpertService experts, PersonService people, AuthAudit audit, Clock clock) {
        this.experts = experts;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a listener told of every deactivation from now on. */
    public void onDeactivated(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Makes {@code personId} inactive: sessions and API tokens end at once. Writes {@code
     * deactivate} to the audit log and tells the listeners, unless the person was inactive already.
     *
     * @param actor who did it: an admin's person id, {@code scim}, or the person themselves
     * @param how a few words for the audit log (e.g. {@code PATCH active=false})
     * @throws dev.lore.graph.NoSuchEntityException when there is no such person
     */
    public PersonInfo deactivate(String personId, String actor, String how) {
        boolean wasActive = people.find(personId).map(Person::active).orElse(true);
        PersonInfo after = experts.setAvailability(personId, "inactive", Optional.empty());
        if (!wasActive) {
            return after;
        }
        var departure = new Departure(personId, actor, how, clock.instant());
        audit.record("deactivate", personId, actor, Optional.of(how));
        LOG.info("{} was deactivated by {} ({})", personId, actor, how);
        for (Listener listener : listeners) {
            try {
                listener.deactivated(departure);
            } catch (RuntimeException e) {
                // the person has left either way; a listener's failure must not undo or hide that
                LOG.error("After deactivating {}: {} failed", personId, listener, e);
            }
        }
        return after;
    }

    /** Makes an inactive person available again (they sign in anew); audited as {@code reactivate}. */
    public PersonInfo reactivate(String personId, String actor, String how) {
        return setAvailability(personId, "available", Optional.empty(), actor, how);
    }

    /**
     * Sets availability as {@link ExpertService#setAvailability} does, sending {@code inactive}
     * through {@link #deactivate} and auditing a return from inactive as {@code reactivate}.
     */
    public PersonInfo setAvailability(
            String personId, String status, Optional<Instant> until, String actor, String how) {
        if (status.equals("inactive")) {
            return deactivate(personId, actor, how);
        }
        boolean wasInactive = people.find(personId).map(p -> !p.active()).orElse(false);
        PersonInfo after = experts.setAvailability(personId, status, until);
        if (wasInactive) {
            audit.record("reactivate", personId, actor, Optional.of(how));
            LOG.info("{} was reactivated by {} ({})", personId, actor, how);
        }
        return after;
    }

    /** Adds a listener told of every team move from now on. */
    public void onTeamMoved(TeamListener listener) {
        teamListeners.add(listener);
    }

    /**
     * Tells the listeners that {@code personId} moved from {@code fromTeam} to {@code toTeam} (the
     * change itself is already saved). A first team, or leaving a team blank, is not a move.
     */
    public void teamChanged(String personId, String fromTeam, String toTeam, String actor) {
        if (fromTeam.isBlank() || toTeam.isBlank() || fromTeam.equalsIgnoreCase(toTeam)) {
            return;
        }
        LOG.info("{} moved from team {} to {} ({})", personId, fromTeam, toTeam, actor);
        for (TeamListener listener : teamListeners) {
            try {
                listener.moved(personId, fromTeam, toTeam, actor);
            } catch (RuntimeException e) {
                LOG.error("After {} moved team: {} failed", personId, listener, e);
            }
        }
    }
}
