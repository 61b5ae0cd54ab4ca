package dev.lore.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lore.graph.identity.ScimGroup;
import dev.lore.graph.identity.ScimGroupStore;
import dev.lore.graph.identity.ScimGroupStore.MemberOp;
import dev.lore.server.auth.AuthAudit;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SCIM 2.0 groups (RFC 7643 section 4.2, RFC 7644) at {@code /scim/v2/Groups}: create, find by
 * {@code displayName} or {@code externalId}, read (without members when {@code
 * excludedAttributes=members}), replace, patch and delete, as Okta and Entra ID send them. A
 * group's {@code displayName} is what {@code LORE_OIDC_ROLES} maps to a role: each change of
 * members or name settles the roles of the people it touched by the same rule as a company sign-in
 * ({@link RoleMapping#choose}), and writes each role change to the audit log (actor {@code scim}).
 */
public final class ScimGroupRoutes {
    private static final String BASE = ScimRoutes.BASE + "/Groups";
    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final Pattern FILTER = Pattern.compile(
            "\\s*(displayName|externalId)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMBER_PATH = Pattern.compile(
            "\\s*members\\s*\\[\\s*value\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*]\\s*", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScimRoutes users;
    private final ScimGroupStore store;
    private final RoleMapping roles;
    private final AuthAudit audit;
    private final Runnable indexCatchUp;
    private final Clock clock;

    /** @param users the user routes, whose bearer token and error shape these share */
    public ScimGroupRoutes(
            ScimRoutes users,
            ScimGroupStore store,
            RoleMapping roles,
            AuthAudit audit,
            Runnable indexCatchUp,
            Clock clock) {
        this.users = users;
        this.store = store;
        this.roles = roles;
        this.audit = audit;
        this.indexCatchUp = indexCatchUp;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.post(BASE, this::create);
        routes.get(BASE + "/{id}", this::get);
        routes.put(BASE + "/{id}", this::replace);
        routes.patch(BASE + "/{id}", this::patch);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void list(Context ctx) {
        users.authorize(ctx);
        int start = Math.max(1, ScimRoutes.number(ctx.queryParam("startIndex"), 1));
        int count = Math.min(200, Math.max(0, ScimRoutes.number(ctx.queryParam("count"), 100)));
        boolean withMembers = withMembers(ctx);
        String filter = ctx.queryParam("filter");
        ArrayNode resources = JSON.createArrayNode();
        long total;
        if (filter != null && !filter.isBlank()) {
            var m = FILTER.matcher(filter);
            if (!m.matches()) {
                throw new ScimRoutes.ScimError(
                        400,
                        "invalidFilter",
                        "only 'displayName eq \"...\"' and 'externalId eq \"...\"' filters are supported");
            }
            String attribute = m.group(1).equalsIgnoreCase("displayName") ? "displayName" : "externalId";
            store.findBy(attribute, unescape(m.group(2))).ifPresent(g -> resources.add(resource(g, withMembers)));
            total = resources.size();
        } else {
            var page = store.list(start - 1, count);
            page.getValue().forEach(g -> resources.add(resource(g, withMembers)));
            total = page.getKey();
        }
        var body = JSON.createObjectNode();
        body.putArray("schemas").add(ScimRoutes.LIST_SCHEMA);
        body.put("totalResults", total);
        body.put("startIndex", start);
        body.put("itemsPerPage", resources.size());
        body.set("Resources", resources);
        ScimRoutes.send(ctx, body);
    }

    private void get(Context ctx) {
        users.authorize(ctx);
        ScimRoutes.send(ctx, resource(existing(ctx.pathParam("id")), withMembers(ctx)));
    }

    private void create(Context ctx) {
        users.authorize(ctx);
        JsonNode body = ScimRoutes.body(ctx);
        String name = displayName(body.path("displayName"));
        var written = guarded(() -> store.create(
                UUID.randomUUID().toString(),
                name,
                externalId(body),
                memberIds(body.path("members")),
                roles::choose,
                clock.instant()));
        ScimGroup group = written.group().orElseThrow();
        audit.record(
                "group-create",
                group.id(),
                ScimRoutes.SCIM,
                Optional.of(group.displayName() + " with " + group.members().size() + " members"));
        settled(written);
        ctx.status(201).header("Location", BASE + "/" + group.id());
        ScimRoutes.send(ctx, resource(group, true));
    }

    private void replace(Context ctx) {
        users.authorize(ctx);
        String id = ctx.pathParam("id");
        JsonNode body = ScimRoutes.body(ctx);
        String name = displayName(body.path("displayName"));
        var ops = List.of(new MemberOp(MemberOp.Kind.SET, memberIds(body.path("members"))));
        changed(id, guarded(() -> store.change(id, Optional.of(name), externalId(body), ops, roles::choose)), ctx);
    }

    private void patch(Context ctx) {
        users.authorize(ctx);
        String id = ctx.pathParam("id");
        JsonNode operations = ScimRoutes.body(ctx).path("Operations");
        if (!operations.isArray()) {
            throw new ScimRoutes.ScimError(
                    400, "invalidSyntax", "a PatchOp (" + ScimRoutes.PATCH_SCHEMA + ") needs an Operations list");
        }
        Optional<String> name = Optional.empty();
        Optional<String> externalId = Optional.empty();
        var ops = new ArrayList<MemberOp>();
        for (JsonNode op : operations) {
            String kind = op.path("op").asText("").toLowerCase(Locale.ROOT);
            String path = op.path("path").asText("").strip();
            JsonNode value = op.path("value");
            if (!List.of("add", "remove", "replace").contains(kind)) {
                throw new ScimRoutes.ScimError(
                        400,
                        "invalidSyntax",
                        "op must be add, remove or replace, was '"
                                + op.path("op").asText("") + "'");
            }
            var member = MEMBER_PATH.matcher(path);
            if (member.matches()) { // RFC 7644 3.5.2.2: remove one member by a value filter
                if (!kind.equals("remove")) {
                    throw new ScimRoutes.ScimError(400, "invalidPath", "a member filter path only works with remove");
                }
                ops.add(new MemberOp(MemberOp.Kind.REMOVE, List.of(unescape(member.group(1)))));
            } else if (path.equalsIgnoreCase("members")) {
                List<String> ids = memberIds(value);
                ops.add(
                        switch (kind) {
                            case "add" -> new MemberOp(MemberOp.Kind.ADD, ids);
                            case "replace" -> new MemberOp(MemberOp.Kind.SET, ids);
                            // Entra ID names the members to remove in the value; no value removes all
                            default ->
                                value.isMissingNode() || value.isNull()
                                        ? new MemberOp(MemberOp.Kind.SET, List.of())
                                        : new MemberOp(MemberOp.Kind.REMOVE, ids);
                        });
            } else if (path.equalsIgnoreCase("displayName")) {
                if (kind.equals("remove")) {
                    throw new ScimRoutes.ScimError(400, "mutability", "displayName cannot be removed");
                }
                name = Optional.of(displayName(value));
            } else if (path.equalsIgnoreCase("externalId")) {
                externalId = kind.equals("remove")
                        ? Optional.of("")
                        : Optional.of(value.asText("").strip());
            } else if (path.isEmpty()) { // Okta: {"op": "replace", "value": {"id": ..., "displayName": ...}}
                if (!value.isObject() || kind.equals("remove")) {
                    throw new ScimRoutes.ScimError(400, "invalidValue", "an op without a path needs an object value");
                }
                if (value.has("displayName")) {
                    name = Optional.of(displayName(value.path("displayName")));
                }
                if (value.has("externalId")) {
                    externalId = Optional.of(value.path("externalId").asText("").strip());
                }
                if (value.has("members")) {
                    List<String> ids = memberIds(value.path("members"));
                    ops.add(new MemberOp(kind.equals("add") ? MemberOp.Kind.ADD : MemberOp.Kind.SET, ids));
                }
            } else {
                throw new ScimRoutes.ScimError(
                        400, "invalidPath", "groups take displayName, externalId and members, not '" + path + "'");
            }
        }
        Optional<String> newName = name;
        Optional<String> newExternalId = externalId;
        changed(id, guarded(() -> store.change(id, newName, newExternalId, ops, roles::choose)), ctx);
    }

    private void delete(Context ctx) {
        users.authorize(ctx);
        String id = ctx.pathParam("id");
        ScimGroup group = existing(id);
        var written = store.delete(id, roles::choose).orElseThrow(() -> missing(id));
        audit.record("group-delete", id, ScimRoutes.SCIM, Optional.of(group.displayName()));
        settled(written);
        ctx.status(204);
    }

    private void changed(String id, Optional<ScimGroupStore.Written> written, Context ctx) {
        var done = written.orElseThrow(() -> missing(id));
        ScimGroup group = done.group().orElseThrow();
        audit.record(
                "group-update",
                group.id(),
                ScimRoutes.SCIM,
                Optional.of(group.displayName() + " with " + group.members().size() + " members"));
        settled(done);
        ScimRoutes.send(ctx, resource(group, withMembers(ctx)));
    }

    /** Audits the roles a group change gave and lets search see the people as they are now. */
    private void settled(ScimGroupStore.Written written) {
        for (var change : written.roleChanges()) {
            audit.record(
                    "role-change",
                    change.personId(),
                    ScimRoutes.SCIM,
                    Optional.of(change.before() + " → " + change.after() + " from groups " + change.groups()));
        }
        if (!written.roleChanges().isEmpty()) {
            indexCatchUp.run();
        }
    }

    private static <T> T guarded(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (ScimGroupStore.UnknownMembers e) {
            throw new ScimRoutes.ScimError(400, "invalidValue", "members must be provisioned users; " + e.getMessage());
        } catch (ScimGroupStore.NameTaken e) {
            throw new ScimRoutes.ScimError(409, "uniqueness", e.getMessage());
        }
    }

    private ScimGroup existing(String id) {
        return store.find(id).orElseThrow(() -> missing(id));
    }

    private static ScimRoutes.ScimError missing(String id) {
        return new ScimRoutes.ScimError(404, null, "no group '" + id + "'");
    }

    private static boolean withMembers(Context ctx) {
        String excluded = ctx.queryParam("excludedAttributes");
        return excluded == null
                || java.util.Arrays.stream(excluded.split(","))
                        .noneMatch(a -> a.strip().equalsIgnoreCase("members"));
    }

    private static String displayName(JsonNode node) {
        String name = node.isTextual() ? node.asText().strip() : "";
        if (name.isEmpty() || name.length() > 200) {
            throw new ScimRoutes.ScimError(400, "invalidValue", "displayName is required (1-200 characters)");
        }
        return name;
    }

    private static Optional<String> externalId(JsonNode body) {
        String x = body.path("externalId").asText("").strip();
        return x.isEmpty() ? Optional.empty() : Optional.of(x);
    }

    /** The user ids of a members list ({@code [{"value": id, "display": ...}]}); absent is none. */
    private static List<String> memberIds(JsonNode members) {
        if (members.isMissingNode() || members.isNull()) {
            return List.of();
        }
        if (!members.isArray()) {
            throw new ScimRoutes.ScimError(400, "invalidValue", "members must be a list of {\"value\": user id}");
        }
        var ids = new ArrayList<String>();
        for (JsonNode m : members) {
            String value = m.isTextual() ? m.asText() : m.path("value").asText("");
            if (value.isBlank()) {
                throw new ScimRoutes.ScimError(400, "invalidValue", "each member needs a value (the user id)");
            }
            ids.add(value.strip());
        }
        return List.copyOf(ids);
    }

    private static String unescape(String quoted) {
        return quoted.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static ObjectNode resource(ScimGroup g, boolean withMembers) {
        var r = JSON.createObjectNode();
        r.putArray("schemas").add(GROUP_SCHEMA);
        r.put("id", g.id());
        g.externalId().filter(x -> !x.isEmpty()).ifPresent(x -> r.put("externalId", x));
        r.put("displayName", g.displayName());
        if (withMembers) {
            var members = r.putArray("members");
            for (var m : g.members()) {
                members.addObject()
                        .put("value", m.personId())
                        .put("display", m.name())
                        .put("$ref", ScimRoutes.BASE + "/Users/" + m.personId());
            }
        }
        r.putObject("meta").put("resourceType", "Group").put("location", BASE + "/" + g.id());
        return r;
    }
}
