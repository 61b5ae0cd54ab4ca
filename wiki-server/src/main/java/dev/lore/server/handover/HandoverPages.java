package dev.lore.server.handover;

import dev.lore.graph.handover.Departure;
import dev.lore.graph.handover.Offer;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.Urls;
import dev.lore.ui.view.handover.HandoverView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * The handover page at {@code /handover} and its forms (no JavaScript needed): one-click offer to
 * the first proposal, offer to someone picked, mark for archiving, keep with an owner who moved,
 * and the viewer's answer to pages offered to them.
 */
public final class HandoverPages {
    private final HandoverService handover;
    private final PersonStore people;
    private final Pages pages;
    private final Clock clock;

    public HandoverPages(HandoverService handover, PersonStore people, Pages pages, Clock clock) {
        this.handover = handover;
        this.people = people;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/handover", this::page);
        routes.post("/handover/pages/{slug}/accept", ctx -> {
            Offer o = handover.acceptProposal(CurrentUser.require(ctx, Role.CONTRIBUTOR), ctx.pathParam("slug"));
            back(ctx, o.slug());
        });
        routes.post("/handover/pages/{slug}/offer", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CONTRIBUTOR);
            String person =
                    Optional.ofNullable(ctx.formParam("person")).orElse("").strip();
            Offer o = handover.offerTo(me, ctx.pathParam("slug"), person);
            back(ctx, o.slug());
        });
        routes.post("/handover/pages/{slug}/archive", ctx -> {
            handover.markForArchiving(CurrentUser.require(ctx, Role.CONTRIBUTOR), ctx.pathParam("slug"));
            ctx.redirect("/handover", HttpStatus.SEE_OTHER);
        });
        routes.post("/handover/pages/{slug}/keep", ctx -> {
            handover.keepWithOwner(CurrentUser.require(ctx, Role.CONTRIBUTOR), ctx.pathParam("slug"));
            ctx.redirect("/handover", HttpStatus.SEE_OTHER);
        });
        routes.post("/handover/offers/{id}/accept", ctx -> {
            Offer o = handover.answer(CurrentUser.require(ctx, Role.READER), ctx.pathParam("id"), true);
            ctx.redirect("/wiki/" + Urls.encode(o.slug()), HttpStatus.SEE_OTHER);
        });
        routes.post("/handover/offers/{id}/decline", ctx -> {
            handover.answer(CurrentUser.require(ctx, Role.READER), ctx.pathParam("id"), false);
            ctx.redirect("/handover", HttpStatus.SEE_OTHER);
        });
    }

    private static void back(Context ctx, String slug) {
        ctx.redirect("/handover#page-" + Urls.encode(slug), HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String team = Optional.ofNullable(ctx.queryParam("team")).orElse("").strip();
        Instant now = clock.instant();
        boolean whole = HandoverService.worksWholeQueue(me);
        boolean decides = whole
                || (AuthService.roleOf(me).atLeast(Role.CONTRIBUTOR)
                        && !me.team().isBlank());
        var offers = handover.offersTo(me.id()).stream()
                .map(o -> new HandoverView.OfferItem(o.id(), o.slug(), o.title(), o.why(), Pages.ago(o.at(), now)))
                .toList();
        var queue = !decides
                ? java.util.List.<HandoverView.Page>of()
                : handover.queue(me, team.isEmpty() ? Optional.empty() : Optional.of(team)).stream()
                        .map(i -> {
                            var p = i.page();
                            return new HandoverView.Page(
                                    p.slug(),
                                    p.title(),
                                    p.ownerId(),
                                    p.ownerName(),
                                    p.reason(),
                                    p.team(),
                                    p.since().map(s -> Pages.ago(s, now)).orElse(""),
                                    p.skills(),
                                    i.proposals().stream()
                                            .map(x -> new HandoverView.ProposalItem(
                                                    x.personId(), x.name(), x.source(), x.why()))
                                            .toList(),
                                    p.pending().map(Offer::toName),
                                    p.declined().map(Offer::toName),
                                    p.reason().equals(Departure.MOVED));
                        })
                        .toList();
        var choices = !decides
                ? java.util.List.<HandoverView.Choice>of()
                : people.list().stream()
                        .filter(p -> p.active() && AuthService.roleOf(p).atLeast(Role.CONTRIBUTOR))
                        .sorted(Comparator.comparing(Person::name))
                        .map(p -> new HandoverView.Choice(p.id(), p.name()))
                        .toList();
        var archived = !whole
                ? java.util.List.<HandoverView.Choice>of()
                : handover.markedForArchiving().stream()
                        .map(e -> new HandoverView.Choice(e.getKey(), e.getValue()))
                        .toList();
        pages.render(
                ctx,
                "handover/queue.jte",
                "Handover",
                new HandoverView(offers, queue, decides, whole, whole ? team : me.team(), choices, archived));
    }
}
