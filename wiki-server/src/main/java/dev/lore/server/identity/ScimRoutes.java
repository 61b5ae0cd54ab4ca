package dev.lore.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lore.graph.identity.ScimStore;
import dev.lore.graph.identity.ScimUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SCIM 2.0 users (RFC 7643/7644) for a directory that provisions people ahead of their first
 * sign-in: {@code /scim/v2/Users} to create, find by {@code userName} or {@code externalId}, read,
 * replace, patch and delete, with the bearer token {@code LORE_SCIM_TOKEN}. {@code active: false}
 * (Okta's and Entra ID's way of saying someone left) and {@code DELETE} deactivate the person
 * through {@link Deactivation}, which ends their sessions and API tokens; they stay as authors.
 */
public final class ScimRoutes {
    static final String BASE = "/scim/v2";
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final Pattern FILTER = Pattern.compile(
            "\\s*(userName|externalId)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The actor of what the directory does, in the audit log. */
    static final String SCIM = "scim";

    private final ScimStore store;
    private final String token;
    private final String newPersonRole;
    private final Deactivation deactivation;
    private final Runnable indexCatchUp;
    private final Clock clock;
    private final dev.lore.server.auth.AuthAudit audit;

    /**
     * @param deactivation how people leave and come back (sessions and tokens revoked, audited)
     * @param newPersonRole the role of people the directory creates
     * @param audit where creation and changes are written (actor {@code scim})
     */
    public ScimRoutes(
            ScimStore store,
            String token,
            String newPersonRole,
            Deactivation deactivation,
            Runnable indexCatchUp,
            Clock clock,
            dev.lore.server.auth.AuthAudit audit) {
        this.audit = audit;
        this.store = store;
        this.token = token;
        this.newPersonRole = newPersonRole;
        this.deactivation = deactivation;
        this.indexCatchUp = indexCatchUp;
        this.clock = clock;
    }

    /** A SCIM error: its status and {@code scimType}, sent in SCIM's error shape. */
    static final class ScimError extends RuntimeException {
        final int status;
        final String scimType;

        ScimError(int status, String scimType, String detail) {
            super(detail);
            this.status = status;
            this.scimType = scimType;
        }
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE + "/Users", this::list);
        routes.post(BASE + "/Users", this::create);
        routes.get(BASE + "/Users/{id}", this::get);
        routes.put(BASE + "/Users/{id}", this::replace);
        routes.patch(BASE + "/Users/{id}", this::patch);
        routes.delete(BASE + "/Users/{id}", this::delete);
        routes.exception(ScimError.class, (e, ctx) -> {
            var body = JSON.createObjectNode();
            body.putArray("schemas").add(ERROR_SCHEMA);
            body.put("status", Integer.toString(e.status));
            if (e.scimType != null) {
                body.put("scimType", e.scimType);
            }
            body.put("detail", e.getMessage());
            send(ctx.status(e.status), body);
        });
    }

    private void list(Context ctx) {
        authorize(ctx);
        int start = Math.max(1, number(ctx.queryParam("startIndex"), 1));
        int count = Math.min(200, Math.max(0, number(ctx.queryParam("count"), 100)));
        String filter = ctx.queryParam("filter");
        var body = JSON.createObjectNode();
        body.putArray("schemas").add(LIST_SCHEMA);
        ArrayNode resources = JSON.createArrayNode();
        long total;
        if (filter != null && !filter.isBlank()) {
            var m = FILTER.matcher(filter);
            if (!m.matches()) {
                throw new ScimError(
                        400,
                        "invalidFilter",
                        "only 'userName eq \"...\"' and 'externalId eq \"...\"' filters are supported");
            }
            String value = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
            Optional<ScimUser> found = m.group(1).equalsIgnoreCase("userName")
                    ? store.findByUserName(value)
                    : store.list(0, 10_000).getValue().stream()
                            .filter(u -> u.externalId().filter(value::equals).isPresent())
                            .findFirst();
            found.ifPresent(u -> resources.add(resource(u)));
            total = resources.size();
        } else {
            var page = store.list(start - 1, count);
            page.getValue().forEach(u -> resources.add(resource(u)));
            total = page.getKey();
        }
        body.put("totalResults", total);
        body.put("startIndex", start);
        body.put("itemsPerPage", resources.size());
        body.set("Resources", resources);
        send(ctx, body);
    }

    private void get(Context ctx) {
        authorize(ctx);
        send(ctx, resource(existing(ctx.pathParam("id"))));
    }

    private void create(Context ctx) {
        authorize(ctx);
        JsonNode body = body(ctx);
        ScimUser user = fromJson(body, "");
        var provisioned = store.create(
                        user,
                        CompanySignIn.preferredId(user.userName(), Optional.of(user.email()), user.userName()),
                        newPersonRole,
                        clock.instant())
                .orElseThrow(() ->
                        new ScimError(409, "uniqueness", "userName '" + user.userName() + "' is provisioned already"));
        audit.record(
                "provision-create",
                provisioned.personId(),
                "scim",
                Optional.of("userName " + user.userName() + (user.active() ? "" : ", inactive")));
        if (!user.active()) {
            deactivation.deactivate(provisioned.personId(), SCIM, "created inactive");
        }
        indexCatchUp.run();
        ctx.status(201).header("Location", BASE + "/Users/" + provisioned.personId());
        send(ctx, resource(store.find(provisioned.personId()).orElseThrow()));
    }

    private void replace(Context ctx) {
        authorize(ctx);
        ScimUser before = existing(ctx.pathParam("id"));
        ScimUser after = fromJson(body(ctx), before.personId());
        apply(before, after, "PUT active=" + after.active());
        send(ctx, resource(existing(before.personId())));
    }

    private void patch(Context ctx) {
        authorize(ctx);
        ScimUser before = existing(ctx.pathParam("id"));
        JsonNode body = body(ctx);
        JsonNode ops = body.path("Operations");
        if (!ops.isArray()) {
            throw new ScimError(400, "invalidSyntax", "a PatchOp (" + PATCH_SCHEMA + ") needs an Operations list");
        }
        ObjectNode merged = (ObjectNode) JSON.valueToTree(resource(before));
        for (JsonNode op : ops) {
            String kind = op.path("op").asText("").toLowerCase(Locale.ROOT);
            if (!kind.equals("replace") && !kind.equals("add")) {
                continue; // "remove" of optional attributes: nothing Lore must forget
            }
            String path = op.path("path").asText("");
            JsonNode value = op.path("value");
            if (path.isEmpty()) {
                if (!value.isObject()) {
                    throw new ScimError(400, "invalidValue", "a replace without a path needs an object value");
                }
                value.properties().forEach(e -> put(merged, e.getKey(), e.getValue()));
            } else {
                put(merged, path, value);
            }
        }
        ScimUser after = fromJson(merged, before.personId());
        apply(before, after, "PATCH active=" + after.active());
        send(ctx, resource(existing(before.personId())));
    }

    private void delete(Context ctx) {
        authorize(ctx);
        ScimUser user = existing(ctx.pathParam("id"));
        if (user.active()) {
            deactivation.deactivate(user.personId(), SCIM, "DELETE");
        }
        ctx.status(204);
    }

    private void apply(ScimUser before, ScimUser after, String how) {
        if (!store.update(after)) {
            throw new ScimError(404, null, "no provisioned user '" + before.personId() + "'");
        }
        audit.record("provision-update", before.personId(), "scim", Optional.empty());
        deactivation.teamChanged(before.personId(), before.team(), after.team(), SCIM);
        if (after.active() != before.active()) {
            if (after.active()) {
                deactivation.reactivate(before.personId(), SCIM, how);
            } else {
                deactivation.deactivate(before.personId(), SCIM, how);
            }
        }
        indexCatchUp.run();
    }

    /** Sets one attribute path of a patch on the resource being patched. */
    private static void put(ObjectNode resource, String path, JsonNode value) {
        String p = path.strip();
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.startsWith(ENTERPRISE.toLowerCase(Locale.ROOT) + ":")) {
            ObjectNode ext =
                    resource.has(ENTERPRISE) ? (ObjectNode) resource.get(ENTERPRISE) : resource.putObject(ENTERPRISE);
            ext.set(p.substring(ENTERPRISE.length() + 1), value);
        } else if (lower.equals(ENTERPRISE.toLowerCase(Locale.ROOT)) && value.isObject()) {
            resource.set(ENTERPRISE, value);
        } else if (lower.startsWith("name.")) {
            ObjectNode name = resource.has("name") ? (ObjectNode) resource.get("name") : resource.putObject("name");
            name.set(p.substring(5), value);
            if (!lower.equals("name.formatted")) {
                name.remove("formatted");
            }
        } else if (lower.startsWith("emails")) {
            String email = value.isArray()
                    ? value.path(0).path("value").asText("")
                    : value.isObject() ? value.path("value").asText("") : value.asText("");
            resource.putArray("emails").addObject().put("value", email).put("primary", true);
        } else {
            resource.set(p.contains(".") ? p.substring(0, p.indexOf('.')) : p, value);
        }
    }

    private ScimUser existing(String id) {
        return store.find(id).orElseThrow(() -> new ScimError(404, null, "no provisioned user '" + id + "'"));
    }

    private static ScimUser fromJson(JsonNode body, String personId) {
        String userName = body.path("userName").asText("").strip();
        if (userName.isEmpty() || userName.length() > 200) {
            throw new ScimError(400, "invalidValue", "userName is required (1-200 characters)");
        }
        JsonNode name = body.path("name");
        String formatted = name.path("formatted").asText("").strip();
        if (formatted.isEmpty()) {
            formatted = (name.path("givenName").asText("") + " "
                            + name.path("familyName").asText(""))
                    .strip();
        }
        if (formatted.isEmpty()) {
            formatted = body.path("displayName").asText("").strip();
        }
        String email = "";
        for (JsonNode e : body.path("emails")) {
            if (email.isEmpty() || e.path("primary").asBoolean(false)) {
                email = e.path("value").asText("").strip();
            }
        }
        JsonNode active = body.path("active");
        boolean isActive = active.isMissingNode()
                || active.isNull()
                || active.asText("true").equalsIgnoreCase("true");
        String externalId = body.path("externalId").asText("").strip();
        return new ScimUser(
                personId,
                userName,
                externalId.isEmpty() ? Optional.empty() : Optional.of(externalId),
                cut(formatted),
                cut(email),
                cut(body.path(ENTERPRISE).path("department").asText("").strip()),
                cut(body.path("title").asText("").strip()),
                isActive);
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static ObjectNode resource(ScimUser u) {
        var r = JSON.createObjectNode();
        r.putArray("schemas").add(USER_SCHEMA).add(ENTERPRISE);
        r.put("id", u.personId());
        u.externalId().ifPresent(x -> r.put("externalId", x));
        r.put("userName", u.userName());
        r.putObject("name").put("formatted", u.name());
        r.put("displayName", u.name());
        if (!u.email().isEmpty()) {
            r.putArray("emails")
                    .addObject()
                    .put("value", u.email())
                    .put("type", "work")
                    .put("primary", true);
        }
        if (!u.title().isEmpty()) {
            r.put("title", u.title());
        }
        r.put("active", u.active());
        if (!u.team().isEmpty()) {
            r.putObject(ENTERPRISE).put("department", u.team());
        }
        r.putObject("meta").put("resourceType", "User").put("location", BASE + "/Users/" + u.personId());
        return r;
    }

    void authorize(Context ctx) {
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : "";
        if (!MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ScimError(401, null, "a valid SCIM bearer token is required");
        }
    }

    static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new ScimError(400, "invalidSyntax", "the body must be a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new ScimError(400, "invalidSyntax", "the body is not JSON");
        }
    }

    static int number(String raw, int fallback) {
        try {
            return raw == null ? fallback : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ScimError(400, "invalidValue", "startIndex and count must be whole numbers");
        }
    }

    static void send(Context ctx, JsonNode body) {
        ctx.contentType("application/scim+json").result(body.toString());
    }
}
