package dev.lore.server.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The seed pack bundled in the jar under {@code /seed}: Northwind Labs' onboarding and engineering
 * articles, people and skills, so a new Lore never opens empty. Its people sign in with
 * {@link #DEMO_PASSWORD}.
 */
public final class SeedPack {
    public static final String DEMO_PASSWORD = "lore-demo-2026";
    private static final String MARKER = "/seed/people.json";

    private SeedPack() {}

    /** Runs {@code work} with the pack's folder as a {@link Path}, from the jar or from classes. */
    public static <T> T withFolder(Function<Path, T> work) {
        var url = SeedPack.class.getResource(MARKER);
        if (url == null) {
            throw new IllegalStateException("the bundled seed pack is missing from the classpath");
        }
        try {
            var uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return work.apply(jar.getPath("/seed"));
                }
            }
            return work.apply(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the bundled seed pack", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad seed pack location " + url, e);
        }
    }

    /** Loads the pack; its pages count as verified by {@code importerId} now (its dates are the story's). */
    public static MarkdownImport.Result load(MarkdownImport importer, String importerId, Progress progress) {
        return withFolder(folder -> importer.importFolder(
                folder,
                importerId,
                Optional.of(DEMO_PASSWORD),
                dev.lore.server.auth.Role.ADMIN,
                progress,
                MarkdownImport.Verification.AT_LOAD));
    }
}
