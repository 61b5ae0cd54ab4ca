package dev.lore.server.handover;

import dev.lore.graph.Graph;
import dev.lore.graph.handover.Departure;
import dev.lore.graph.handover.HandoverStore;
import dev.lore.graph.handover.Offer;
import dev.lore.graph.handover.QueueItem;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ConflictException;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner handover: when a person leaves (made inactive) or moves team, the live pages they own wait
 * in a queue for a new owner. Champions and admins work the whole queue; people of the team the
 * owner was in (contributors and up) work their team's part. For each page Lore proposes new owners
 * ({@link Proposals}); offering one asks that person through their inbox, and only their "accept"
 * moves the page. A page can instead be marked for archiving, or, after a team move, kept with its
 * owner. Thread-safe.
 */
public final class HandoverService {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverService.class);
    static final int MAX_QUEUE = 500;

    private final Graph graph;
    private final HandoverStore store;
    private final PersonStore people;
    private final Proposals proposals;
    private final HandoverNotices notices;
    private final Clock clock;

    public HandoverService(
            Graph graph,
            HandoverStore store,
            PersonStore people,
            Proposals proposals,
            NotificationStore notifications,
            Clock clock) {
        this.graph = graph;
        this.store = store;
        this.people = people;
        this.proposals = proposals;
        this.notices = new HandoverNotices(notifications);
        this.clock = clock;
    }

    /** A page waiting for a new owner, with whom Lore proposes. */
    public record Item(QueueItem page, List<Proposal> proposals) {}

    /**
     * The hook for every path that makes a person inactive (admin, directory): records that they
     * left, and tells champions and their team when pages of theirs now wait for a new owner. Call
     * it after the deactivation committed; calling it again for the same departure does nothing.
     *
     * @param by who made the change (a person id, or {@code scim} for the directory)
     */
    public Optional<Departure> personLeft(String personId, String by) {
        return departed(personId, Departure.LEFT, Optional.empty(), "", by);
    }

    /** Records that a person moved from {@code fromTeam} to {@code toTeam}; their pages wait for a decision. */
    public Optional<Departure> personMoved(String personId, String fromTeam, String toTeam, String by) {
        if (fromTeam.strip().equals(toTeam.strip())) {
            return Optional.empty();
        }
        return departed(personId, Departure.MOVED, Optional.of(fromTeam.strip()), toTeam.strip(), by);
    }

    private Optional<Departure> departed(
            String personId, String reason, Optional<String> fromTeam, String toTeam, String by) {
        Instant now = clock.instant();
        return graph.inOneTransaction(() -> {
            var recorded = store.recordDeparture(personId, reason, fromTeam, toTeam, by, now);
            if (!recorded.created()) {
                return Optional.<Departure>empty();
            }
            Departure d = recorded.departure();
            List<QueueItem> waiting = store.queue(Optional.empty(), MAX_QUEUE).stream()
                    .filter(i -> i.ownerId().equals(personId))
                    .toList();
            if (!waiting.isEmpty()) {
                notices.queued(d, waiting.getFirst().ownerName(), waiting.size(), queueWorkers(d), now);
            }
            LOG.info("{} {} ({} pages to hand over)", personId, reason, waiting.size());
            return Optional.of(d);
        });
    }

    /** Champions, admins and the contributors of the team the person was in, who are still here. */
    private List<String> queueWorkers(Departure d) {
        var out = new LinkedHashSet<String>();
        for (Person p : people.list()) {
            if (!p.active() || p.id().equals(d.personId())) {
                continue;
            }
            Role role = AuthService.roleOf(p);
            if (role.atLeast(Role.CHAMPION)
                    || (!d.fromTeam().isEmpty() && d.fromTeam().equals(p.team()) && role.atLeast(Role.CONTRIBUTOR))) {
                out.add(p.id());
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code viewer} may see and decide the whole queue (else only their team's part). */
    public static boolean worksWholeQueue(Person viewer) {
        return AuthService.roleOf(viewer).atLeast(Role.CHAMPION);
    }

    /**
     * The pages waiting for a new owner that {@code viewer} may decide, with proposals: all of them
     * (or one team's) for champions, their own team's for contributors, none for readers.
     */
    public List<Item> queue(Person viewer, Optional<String> team) {
        Optional<String> scope;
        if (worksWholeQueue(viewer)) {
            scope = team;
        } else if (AuthService.roleOf(viewer).atLeast(Role.CONTRIBUTOR)
                && !viewer.team().isBlank()) {
            scope = Optional.of(viewer.team());
        } else {
            return List.of();
        }
        return store.queue(scope, MAX_QUEUE).stream()
                .map(i -> new Item(i, proposals.forPage(i)))
                .toList();
    }

    /** One waiting page with its proposals. */
    public Item item(Person viewer, String slug) {
        QueueItem page = decidable(viewer, slug);
        return new Item(page, proposals.forPage(page));
    }

    /** Offers the page to Lore's first proposal: the one-click accept. */
    public Offer acceptProposal(Person by, String slug) {
        QueueItem page = decidable(by, slug);
        Proposal first = proposals.forPage(page).stream()
                .findFirst()
                .orElseThrow(() -> new ConflictException(
                        "Lore has no one to propose for '" + slug + "': pick someone, or mark it for archiving"));
        return offer(by, page, first.personId(), first.why());
    }

    /** Offers the page to someone the decider picked; the reason is Lore's if it proposed them too. */
    public Offer offerTo(Person by, String slug, String personId) {
        QueueItem page = decidable(by, slug);
        if (personId.equals(page.ownerId())) {
            throw new ConflictException(personId + " already owns '" + slug + "'");
        }
        Person to = people.find(personId)
                .filter(Person::active)
                .orElseThrow(() -> new NotFoundException("no active person '" + personId + "'"));
        if (!AuthService.roleOf(to).atLeast(Role.CONTRIBUTOR)) {
            throw new ConflictException(to.name() + " is a reader and cannot edit pages; pick a contributor");
        }
        String why = proposals.forPage(page).stream()
                .filter(p -> p.personId().equals(personId))
                .map(Proposal::why)
                .findFirst()
                .orElse("Picked by " + by.name() + ".");
        return offer(by, page, personId, why);
    }

    private Offer offer(Person by, QueueItem page, String toId, String why) {
        Instant now = clock.instant();
        return graph.inOneTransaction(() -> {
            Offer offer = store.offer(page.slug(), toId, by.id(), why, now);
            notices.offered(offer, page.ownerName(), now);
            return offer;
        });
    }

    /** Marks the page for archiving: it leaves the queue. */
    public void markForArchiving(Person by, String slug) {
        decidable(by, slug);
        if (!store.markForArchiving(slug, by.id(), clock.instant())) {
            throw new NotFoundException("no page '" + slug + "'");
        }
    }

    /** Keeps the page with its owner, who moved team but is still here. */
    public void keepWithOwner(Person by, String slug) {
        QueueItem page = decidable(by, slug);
        if (!page.reason().equals(Departure.MOVED)) {
            throw new ConflictException(page.ownerName() + " left: the page cannot stay with them");
        }
        store.keepWithOwner(slug);
    }

    /** The offers waiting for this person's answer. */
    public List<Offer> offersTo(String personId) {
        return store.offersTo(personId);
    }

    /**
     * The person asked answers: accepting makes them the owner. Whoever offered the page hears
     * either way; a declined page is back in the queue with the refusal shown.
     */
    public Offer answer(Person me, String offerId, boolean accept) {
        Offer offer = store.findOffer(offerId).orElseThrow(() -> new NotFoundException("no offer '" + offerId + "'"));
        if (!offer.toId().equals(me.id())) {
            throw new ForbiddenException("only " + offer.toId() + " can answer this offer");
        }
        Instant now = clock.instant();
        return graph.inOneTransaction(() -> {
            Offer answered = store.answer(offerId, accept, now)
                    .orElseThrow(() -> new ConflictException("the offer of '" + offer.title() + "' is no longer open ("
                            + store.findOffer(offerId).map(Offer::status).orElse("gone") + ")"));
            notices.answered(answered, now);
            return answered;
        });
    }

    /** The page if it waits for a new owner and {@code viewer} may decide it; 404 or 403 otherwise. */
    private QueueItem decidable(Person viewer, String slug) {
        QueueItem page = store.item(slug)
                .orElseThrow(() -> new NotFoundException("'" + slug + "' is not waiting for a new owner"));
        if (!mayDecide(viewer, page)) {
            throw new ForbiddenException("only champions and " + (page.team().isEmpty() ? "admins" : page.team())
                    + " contributors can hand over '" + slug + "'");
        }
        return page;
    }

    static boolean mayDecide(Person viewer, QueueItem page) {
        Role role = AuthService.roleOf(viewer);
        return role.atLeast(Role.CHAMPION)
                || (role.atLeast(Role.CONTRIBUTOR)
                        && !page.team().isEmpty()
                        && page.team().equals(viewer.team()));
    }

    /** Pages marked for archiving that are still live: slug and title. */
    public List<java.util.Map.Entry<String, String>> markedForArchiving() {
        return store.markedForArchiving(100);
    }

    static Set<String> ids(List<Proposal> proposals) {
        var out = new LinkedHashSet<String>();
        proposals.forEach(p -> out.add(p.personId()));
        return out;
    }

    static List<Proposal> distinct(List<Proposal> all) {
        var seen = new LinkedHashSet<String>();
        var out = new ArrayList<Proposal>();
        for (Proposal p : all) {
            if (seen.add(p.personId())) {
                out.add(p);
            }
        }
        return out;
    }
}
