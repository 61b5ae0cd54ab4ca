package dev.lore.server.cli;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.attachment.FileCollector;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code lore gc-files [--dry-run] [--keep-hours N]}: removes stored files that no attachment uses
 * any more, leaving those written in the last N hours (default 1) to uploads in progress. Through
 * the running server when {@code LORE_ADMIN_TOKEN} is set, else on the data directory of a stopped
 * Lore.
 */
public final class GcFilesCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        boolean dryRun = false;
        int keepHours = 1;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--keep-hours") && i + 1 < args.size()) {
                keepHours = hours(args.get(++i));
            } else if (arg.startsWith("--keep-hours=")) {
                keepHours = hours(arg.substring("--keep-hours=".length()));
            } else {
                Cli.fail("gc-files takes --dry-run and --keep-hours N; unexpected: " + arg);
            }
        }
        var env = System.getenv();
        Config config = Config.fromEnvironment(env);
        Optional<String> token =
                Optional.ofNullable(env.get("LORE_ADMIN_TOKEN")).filter(t -> !t.isBlank());
        if (token.isPresent()) {
            var base = URI.create(Optional.ofNullable(env.get("LORE_URL"))
                    .filter(u -> !u.isBlank())
                    .orElse("http://localhost:" + config.port()));
            out.println(remote(base, token.get().strip(), dryRun, keepHours));
            return;
        }
        try (Lore lore = Cli.open(config.withSeed(false))) {
            out.println(report(lore.attachments().collectUnusedBlobs(dryRun, Duration.ofHours(keepHours))));
        }
    }

    static String report(FileCollector.Result r) {
        return String.format(
                "%s %d unused files (%d bytes) of %d; %d in use, %d unused but written in the last hours (kept)",
                r.dryRun() ? "Would remove" : "Removed",
                r.removed(),
                r.removedBytes(),
                r.blobs(),
                r.inUse(),
                r.recent());
    }

    private static int hours(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        Cli.fail("--keep-hours needs a whole number of hours, 0 or more; was '" + value + "'");
        return 0;
    }

    private static String remote(URI base, String token, boolean dryRun, int keepHours) {
        var request = HttpRequest.newBuilder(
                        base.resolve("/api/admin/files/gc?dryRun=" + dryRun + "&keepHours=" + keepHours))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try (var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                Cli.fail("the server at " + base + " answered " + response.statusCode() + ": " + response.body()
                        + (response.statusCode() == 401 || response.statusCode() == 403
                                ? " (LORE_ADMIN_TOKEN must be an API token of an admin)"
                                : ""));
            }
            return "The Lore at " + base + " answered: " + response.body();
        } catch (IOException e) {
            Cli.fail("cannot reach Lore at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Cli.fail("interrupted");
        }
        return "";
    }
}
