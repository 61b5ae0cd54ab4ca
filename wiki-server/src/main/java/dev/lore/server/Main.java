package dev.lore.server;

import dev.lore.server.cli.BackupCommand;
import dev.lore.server.cli.BenchExpertsCommand;
import dev.lore.server.cli.BenchFilesCommand;
import dev.lore.server.cli.BenchGitImportCommand;
import dev.lore.server.cli.BenchNotifyCommand;
import dev.lore.server.cli.BenchScaleCommand;
import dev.lore.server.cli.BenchSearchCommand;
import dev.lore.server.cli.BenchSemanticCommand;
import dev.lore.server.cli.BenchStartCommand;
import dev.lore.server.cli.Command;
import dev.lore.server.cli.EvalExpertsCommand;
import dev.lore.server.cli.EvalSciFactCommand;
import dev.lore.server.cli.ExportCommand;
import dev.lore.server.cli.GcFilesCommand;
import dev.lore.server.cli.GraphCommand;
import dev.lore.server.cli.Help;
import dev.lore.server.cli.ImportCommand;
import dev.lore.server.cli.ReindexCommand;
import dev.lore.server.cli.RestoreCommand;
import dev.lore.server.cli.ServeCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code lore} command line: serve (default), import (a folder or {@code --git} a repository),
 * reindex, export, backup, restore, benchmarks and evaluations, --help. Each subcommand is a class
 * in {@code dev.lore.server.cli}; this one only picks it. An unknown command prints the help to
 * standard error and exits with code 2.
 */
public final class Main {
    /** Each subcommand by name. */
    private static final Map<String, Supplier<Command>> COMMANDS = Map.ofEntries(
            Map.entry("--help", Help::new),
            Map.entry("-h", Help::new),
            Map.entry("help", Help::new),
            Map.entry("serve", ServeCommand::new),
            Map.entry("graph", GraphCommand::new),
            Map.entry("import", ImportCommand::new),
            Map.entry("reindex", ReindexCommand::new),
            Map.entry("export", ExportCommand::new),
            Map.entry("backup", BackupCommand::new),
            Map.entry("restore", RestoreCommand::new),
            Map.entry("gc-files", GcFilesCommand::new),
            Map.entry("eval-scifact", EvalSciFactCommand::new),
            Map.entry("eval-experts", EvalExpertsCommand::new),
            Map.entry("bench-search", BenchSearchCommand::new),
            Map.entry("bench-semantic", BenchSemanticCommand::new),
            Map.entry("bench-experts", BenchExpertsCommand::new),
            Map.entry("bench-git-import", BenchGitImportCommand::new),
            Map.entry("bench-notify", BenchNotifyCommand::new),
            Map.entry("bench-start", BenchStartCommand::new),
            Map.entry("bench-files", BenchFilesCommand::new),
            Map.entry("bench-scale", BenchScaleCommand::new));

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        String name = args.length == 0 ? "serve" : args[0];
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        Supplier<Command> command = COMMANDS.get(name);
        if (command == null) {
            System.err.print(Help.TEXT);
            System.err.println("lore: unknown command: " + name);
            System.exit(2);
            return;
        }
        command.get().run(rest, System.out);
    }
}
