package dev.lore.server;

import dev.lore.server.attachment.FileSettings;
import dev.lore.server.identity.IdentitySettings;
import dev.lore.server.notify.NotifyConfig;
import dev.lore.server.web.TrustedProxies;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settings from the environment, read once at start.
 *
 * @param port HTTP port ({@code LORE_PORT}, default 7070; 0 picks a free one)
 * @param dataDir embedded store and index ({@code LORE_DATA_DIR}, default {@code ./data})
 * @param neo4jUri external Neo4j ({@code LORE_NEO4J_URI}); empty means start the embedded one
 * @param adminPassword first admin's password ({@code LORE_ADMIN_PASSWORD}); empty means generate one
 * @param seed load the bundled seed pack into an empty store ({@code LORE_SEED}, default true)
 * @param secureCookies mark cookies Secure, for deployments behind HTTPS ({@code LORE_SECURE_COOKIES})
 * @param pageCacheBytes the embedded Neo4j's page cache ({@code LORE_NEO4J_PAGECACHE}, e.g. {@code
 *     512m} or {@code 2g}; default {@value #DEFAULT_PAGE_CACHE_MIB} MiB): the store pages kept in
 *     memory. Give it about the size of {@code data/neo4j/data/databases} for a large wiki.
 * @param demo demo mode ({@code LORE_DEMO}, or {@code serve --demo}; default false): the seed pack's
 *     people sign in with the published demo password and every page says "demo". Off, nobody can
 *     sign in with that password.
 * @param publicPeople people's data (directory, profiles, email, role) for anonymous readers too
 *     ({@code LORE_PUBLIC_PEOPLE}, default false: only for signed-in people)
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
 *     are believed ({@code LORE_TRUSTED_PROXIES}, addresses or CIDRs, comma-separated; default none)
 * @param host the address HTTP listens on ({@code LORE_HOST}, default {@value #DEFAULT_HOST}: this
 *     machine only; the Docker image sets {@code 0.0.0.0})
 * @param ops limits, timeouts, metrics access and readiness ({@link Operations})
 * @param identity company sign-in (OpenID Connect) and whether passwords work ({@link
 *     IdentitySettings}; default: no company sign-in, passwords for everyone)
 * @param files where attachments' bytes live and how large one may be ({@link FileSettings})
 * @param notifications email (SMTP), links and webhook delivery ({@link NotifyConfig}; default: no email)
 * @param chatLink the address of a person's chat, with {@code {handle}} where their handle goes
 *     ({@code LORE_CHAT_LINK}, e.g. {@code https://chat.example/u/{handle}}); empty: handles are
 *     shown as text
 * @param semantic rank search by meaning too, with an embedding model in process ({@code
 *     LORE_SEMANTIC}, default true; false gives lexical search only and loads no model)
 */
public record Config(
        int port,
        Path dataDir,
        Optional<URI> neo4jUri,
        String neo4jUser,
        String neo4jPassword,
        Optional<String> adminPassword,
        boolean seed,
        boolean secureCookies,
        long pageCacheBytes,
        boolean demo,
        boolean publicPeople,
        TrustedProxies trustedProxies,
        String host,
        Operations ops,
        IdentitySettings identity,
        FileSettings files,
        NotifyConfig notifications,
        Optional<String> chatLink,
        boolean semantic) {

    static final int DEFAULT_PAGE_CACHE_MIB = 512;
    static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * Not a demo, people for signed-in readers only, no trusted proxies, this machine only, default
     * {@link Operations}, lexical search (no embedding model).
     */
    public Config(
            int port,
            Path dataDir,
            Optional<URI> neo4jUri,
            String neo4jUser,
            String neo4jPassword,
            Optional<String> adminPassword,
            boolean seed,
            boolean secureCookies,
            long pageCacheBytes) {
        this(
                port,
                dataDir,
                neo4jUri,
                neo4jUser,
                neo4jPassword,
                adminPassword,
                seed,
                secureCookies,
                pageCacheBytes,
                false,
                false,
                TrustedProxies.none(),
                DEFAULT_HOST,
                Operations.defaults(),
                IdentitySettings.none(),
                FileSettings.defaults(),
                NotifyConfig.defaults(),
                Optional.empty(),
                false);
    }

    public static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                parsePort(env.getOrDefault("LORE_PORT", "7070")),
                Path.of(nonBlank(env.get("LORE_DATA_DIR")).orElse("data")),
                nonBlank(env.get("LORE_NEO4J_URI")).map(Config::parseUri),
                nonBlank(env.get("LORE_NEO4J_USER")).orElse("neo4j"),
                env.getOrDefault("LORE_NEO4J_PASSWORD", ""),
                nonBlank(env.get("LORE_ADMIN_PASSWORD")),
                !"false".equalsIgnoreCase(env.getOrDefault("LORE_SEED", "true").strip()),
                "true"
                        .equalsIgnoreCase(
                                env.getOrDefault("LORE_SECURE_COOKIES", "false").strip()),
                parseSize(env.getOrDefault("LORE_NEO4J_PAGECACHE", DEFAULT_PAGE_CACHE_MIB + "m")),
                flag(env, "LORE_DEMO"),
                flag(env, "LORE_PUBLIC_PEOPLE"),
                TrustedProxies.parse(env.getOrDefault("LORE_TRUSTED_PROXIES", "")),
                nonBlank(env.get("LORE_HOST")).map(String::strip).orElse(DEFAULT_HOST),
                Operations.fromEnvironment(env),
                IdentitySettings.fromEnvironment(env),
                FileSettings.fromEnvironment(env),
                NotifyConfig.fromEnvironment(env),
                parseChatLink(nonBlank(env.get("LORE_CHAT_LINK"))),
                "true".equalsIgnoreCase(flagValue(env, "LORE_SEMANTIC", "true")));
    }

    /** A true/false setting's value, {@code fallback} when unset; anything else is an error. */
    private static String flagValue(Map<String, String> env, String name, String fallback) {
        String raw = nonBlank(env.get(name)).map(String::strip).orElse(fallback);
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(name + " must be true or false, was '" + raw + "'");
        }
        return raw;
    }

    /** A chat link template: an http(s) address with {@code {handle}} in it. */
    static Optional<String> parseChatLink(Optional<String> raw) {
        return raw.map(String::strip).map(link -> {
            if (!(link.startsWith("https://") || link.startsWith("http://")) || !link.contains("{handle}")) {
                throw new IllegalArgumentException("LORE_CHAT_LINK must be an http(s) address with {handle} in it, e.g."
                        + " https://chat.example/u/{handle}; was '" + link + "'");
            }
            return link;
        });
    }

    public Path storeDir() {
        return dataDir.resolve("neo4j");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    public Config withPort(int newPort) {
        return copy(c -> c.port = newPort);
    }

    public Config withDataDir(Path newDataDir) {
        return copy(c -> c.dataDir = newDataDir);
    }

    public Config withSeed(boolean newSeed) {
        return copy(c -> c.seed = newSeed);
    }

    public Config withOps(Operations newOps) {
        return copy(c -> c.ops = newOps);
    }

    public Config withDemo(boolean newDemo) {
        return copy(c -> c.demo = newDemo);
    }

    public Config withPublicPeople(boolean newPublicPeople) {
        return copy(c -> c.publicPeople = newPublicPeople);
    }

    public Config withTrustedProxies(TrustedProxies newTrustedProxies) {
        return copy(c -> c.trustedProxies = newTrustedProxies);
    }

    /** Another database: an external Neo4j at {@code uri}, with this user and password. */
    public Config withNeo4j(URI uri, String user, String password) {
        return copy(c -> {
            c.neo4jUri = Optional.of(uri);
            c.neo4jUser = user;
            c.neo4jPassword = password;
        });
    }

    public Config withIdentity(IdentitySettings newIdentity) {
        return copy(c -> c.identity = newIdentity);
    }

    public Config withFiles(FileSettings newFiles) {
        return copy(c -> c.files = newFiles);
    }

    public Config withNotify(NotifyConfig newNotify) {
        return copy(c -> c.notifications = newNotify);
    }

    public Config withChatLink(Optional<String> newChatLink) {
        return copy(c -> c.chatLink = newChatLink);
    }

    public Config withSemantic(boolean newSemantic) {
        return copy(c -> c.semantic = newSemantic);
    }

    /** This configuration with what {@code change} sets on a copy of its components. */
    private Config copy(Consumer<Copy> change) {
        var copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** A configuration's components, to change some and build another. */
    private static final class Copy {
        int port;
        Path dataDir;
        Optional<URI> neo4jUri;
        String neo4jUser;
        String neo4jPassword;
        Optional<String> adminPassword;
        boolean seed;
        boolean secureCookies;
        long pageCacheBytes;
        boolean demo;
        boolean publicPeople;
        TrustedProxies trustedProxies;
        String host;
        Operations ops;
        IdentitySettings identity;
        FileSettings files;
        NotifyConfig notifications;
        Optional<String> chatLink;
        boolean semantic;

        Copy(Config c) {
            port = c.port;
            dataDir = c.dataDir;
            neo4jUri = c.neo4jUri;
            neo4jUser = c.neo4jUser;
            neo4jPassword = c.neo4jPassword;
            adminPassword = c.adminPassword;
            seed = c.seed;
            secureCookies = c.secureCookies;
            pageCacheBytes = c.pageCacheBytes;
            demo = c.demo;
            publicPeople = c.publicPeople;
            trustedProxies = c.trustedProxies;
            host = c.host;
            ops = c.ops;
            identity = c.identity;
            files = c.files;
            notifications = c.notifications;
            chatLink = c.chatLink;
            semantic = c.semantic;
        }

        Config build() {
            return new Config(
                    port,
                    dataDir,
                    neo4jUri,
                    neo4jUser,
                    neo4jPassword,
                    adminPassword,
                    seed,
                    secureCookies,
                    pageCacheBytes,
                    demo,
                    publicPeople,
                    trustedProxies,
                    host,
                    ops,
                    identity,
                    files,
                    notifications,
                    chatLink,
                    semantic);
        }
    }

    private static boolean flag(Map<String, String> env, String name) {
        String raw = env.getOrDefault(name, "false").strip();
        if (raw.isEmpty() || raw.equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " must be true or false, was '" + raw + "'");
    }

    private static int parsePort(String raw) {
        try {
            int port = Integer.parseInt(raw.strip());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("LORE_PORT must be 0-65535, was " + raw);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LORE_PORT must be a number, was '" + raw + "'", e);
        }
    }

    /** A size like {@code 512m}, {@code 2g} or {@code 268435456} (bytes); at least 8 MiB. */
    static long parseSize(String raw) {
        var m = java.util.regex.Pattern.compile("(?i)\\s*(\\d{1,12})\\s*([kmg]?)i?b?\\s*")
                .matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "LORE_NEO4J_PAGECACHE must be a size such as 512m or 2g, was '" + raw + "'");
        }
        long n = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
        if (bytes < 8L << 20) {
            throw new IllegalArgumentException("LORE_NEO4J_PAGECACHE must be at least 8m, was '" + raw + "'");
        }
        return bytes;
    }

    private static URI parseUri(String raw) {
        URI uri = URI.create(raw.strip());
        if (uri.getScheme() == null
                || !uri.getScheme().matches("bolt|bolt\\+s|bolt\\+ssc|neo4j|neo4j\\+s|neo4j\\+ssc")) {
            throw new IllegalArgumentException("LORE_NEO4J_URI must be a bolt:// or neo4j:// URI, was '" + raw + "'");
        }
        return uri;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
