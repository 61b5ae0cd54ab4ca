package dev.lore.server.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the system Chromium and chromedriver are, and whether browser tests may be skipped without
 * them. Defaults are Debian's paths; {@code LORE_CHROMIUM} and {@code LORE_CHROMEDRIVER} override
 * them. Under CI (env {@code CI} set) or with {@code LORE_REQUIRE_BROWSER=true} a missing browser
 * fails the tests instead of skipping them.
 */
final class Chromium {
    static final String INSTALL_HINT = "apt-get install chromium chromium-driver";

    private Chromium() {}

    static Path binary() {
        return Path.of(env("LORE_CHROMIUM", "/usr/bin/chromium"));
    }

    static Path driver() {
        return Path.of(env("LORE_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    /** A sentence saying what is missing, or empty when both programs are there. */
    static Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        if (!Files.isExecutable(binary())) {
            absent.add("Chromium (" + binary() + ")");
        }
        if (!Files.isExecutable(driver())) {
            absent.add("chromedriver (" + driver() + ")");
        }
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" and ", absent) + " not found; install Chromium and its driver with `"
                + INSTALL_HINT + "`");
    }

    static boolean required() {
        return !env("CI", "").isBlank() || Boolean.parseBoolean(env("LORE_REQUIRE_BROWSER", "false"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
