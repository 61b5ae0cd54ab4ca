package dev.lore.server.handover;

import dev.lore.graph.person.Person;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API of handover: the queue ({@code GET /api/handover}), one page, the one-click accept,
 * offering to someone else, archiving, keeping with an owner who moved team, the offers waiting for
 * the caller and their answer, recording a team move, and the bus factor.
 */
public final class HandoverApi {
    private final HandoverService handover;
    private final BusFactorService busFactor;

    public HandoverApi(HandoverService handover, BusFactorService busFactor) {
        this.handover = handover;
        this.busFactor = busFactor;
    }

    record OfferRequest(String person) {}

    record MoveRequest(String person, String fromTeam, String toTeam) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/handover", this::queue);
        routes.get("/api/handover/pages/{slug}", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CONTRIBUTOR);
            ctx.json(HandoverJson.item(handover.item(me, ctx.pathParam("slug"))));
        });
        routes.post("/api/handover/pages/{slug}/accept", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CONTRIBUTOR);
            ctx.status(201).json(HandoverJson.offer(handover.acceptProposal(me, ctx.pathParam("slug"))));
        });
        routes.post("/api/handover/pages/{slug}/offer", ctx -> {
            Person me = CurrentUser.require(ctx, Role.CONTRIBUTOR);
            OfferRequest body = Requests.body(ctx, OfferRequest.class);
            String person = Requests.requiredText(body.person(), "person", 200);
            ctx.status(201).json(HandoverJson.offer(handover.offerTo(me, ctx.pathParam("slug"), person)));
        });
        routes.post("/api/handover/pages/{slug}/archive", ctx -> {
            handover.markForArchiving(CurrentUser.require(ctx, Role.CONTRIBUTOR), ctx.pathParam("slug"));
            ctx.status(204);
        });
        routes.post("/api/handover/pages/{slug}/keep", ctx -> {
            handover.keepWithOwner(CurrentUser.require(ctx, Role.CONTRIBUTOR), ctx.pathParam("slug"));
            ctx.status(204);
        });
        routes.get("/api/handover/offers", ctx -> {
            Person me = CurrentUser.require(ctx, Role.READER);
            ctx.json(Map.of(
                    "offers",
                    handover.offersTo(me.id()).stream().map(HandoverJson::offer).toList()));
        });
        routes.post("/api/handover/offers/{id}/accept", ctx -> answer(ctx, true));
        routes.post("/api/handover/offers/{id}/decline", ctx -> answer(ctx, false));
        routes.post("/api/handover/moves", this::move);
        routes.get("/api/handover/bus-factor", ctx -> {
            CurrentUser.require(ctx, Role.CHAMPION);
            ctx.json(HandoverJson.busFactor(busFactor.busFactor()));
        });
    }

    private void queue(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        Optional<String> team =
                Optional.ofNullable(ctx.queryParam("team")).map(String::strip).filter(t -> !t.isEmpty());
        var json = new LinkedHashMap<String, Object>();
        json.put(
                "queue",
                handover.queue(me, team).stream().map(HandoverJson::item).toList());
        json.put(
                "offers",
                handover.offersTo(me.id()).stream().map(HandoverJson::offer).toList());
        ctx.json(json);
    }

    private void answer(Context ctx, boolean accept) {
        Person me = CurrentUser.require(ctx, Role.READER);
        ctx.json(HandoverJson.offer(handover.answer(me, ctx.pathParam("id"), accept)));
    }

    /** Records a team move known outside the directory: the person's pages wait for a decision. */
    private void move(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        MoveRequest body = Requests.body(ctx, MoveRequest.class);
        String person = Requests.requiredText(body.person(), "person", 200);
        String from = Requests.requiredText(body.fromTeam(), "fromTeam", 200);
        String to = Requests.optionalText(body.toTeam(), "toTeam", 200);
        if (from.equals(to)) {
            throw new InvalidInputException("fromTeam and toTeam must differ, both were '" + from + "'");
        }
        var recorded = handover.personMoved(person, from, to, me.id());
        ctx.status(recorded.isPresent() ? 201 : 200)
                .json(Map.of(
                        "recorded",
                        recorded.isPresent(),
                        "departure",
                        recorded.map(HandoverJson::departure).orElse(Map.of())));
    }
}
