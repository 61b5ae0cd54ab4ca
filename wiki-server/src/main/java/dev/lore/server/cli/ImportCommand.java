package dev.lore.server.cli;

import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.Lore;
import dev.lore.server.gitimport.GitImport;
import dev.lore.server.gitimport.GitImportException;
import dev.lore.server.seed.ConsoleProgress;
import dev.lore.server.seed.MarkdownImport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code lore import DIR} (a folder of Markdown with front matter) and {@code lore import --git
 * PATH} (a Git repository's Markdown files with their history), into the data directory.
 */
public final class ImportCommand implements Command {
    @Override
    public void run(List<String> args, PrintStream out) {
        if (!args.isEmpty() && args.getFirst().equals("--git")) {
            if (args.size() < 2) {
                Cli.fail("import --git needs a repository: java -jar lore.jar import --git PATH");
            }
            importGit(Path.of(args.get(1)), out);
            return;
        }
        if (args.isEmpty()) {
            Cli.fail("import needs a folder: java -jar lore.jar import DIR");
        }
        Path dir = Path.of(args.getFirst());
        if (!Files.isDirectory(dir)) {
            Cli.fail("not a folder: " + dir.toAbsolutePath());
        }
        try (Lore lore = Cli.open(Cli.config().withSeed(false))) {
            MarkdownImport.Result r =
                    lore.importer().importFolder(dir, Lore.ADMIN_ID, Optional.empty(), new ConsoleProgress(out));
            out.printf(
                    "Imported %d articles created, %d updated, %d unchanged; %d people%n",
                    r.created(), r.updated(), r.unchanged(), r.people());
        }
    }

    private static void importGit(Path repository, PrintStream out) {
        String error = null;
        try {
            GitImport.requireRepository(repository);
        } catch (GitImportException e) {
            Cli.fail(e.getMessage());
        }
        try (Lore lore = Cli.open(Cli.config().withSeed(false))) {
            var importer = GitImport.builder(
                            lore.articles(), lore.people(), new GitImportStore(lore.graph()), Clock.systemUTC())
                    .files(lore.attachments())
                    .tree(new dev.lore.server.article.PageTreeService(
                            new dev.lore.graph.article.PageTree(lore.graph())))
                    .build();
            out.println(importer.importRepository(repository, new ConsoleProgress(out))
                    .summary());
        } catch (GitImportException e) {
            error = e.getMessage(); // reported after Lore has closed the data directory
        }
        if (error != null) {
            Cli.fail(error);
        }
    }
}
