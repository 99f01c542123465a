package dev.fieldtest.cli;

import dev.fieldtest.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fieldtest} command. Exit codes: 0 done, 1 a suite property failed (run), 2 bad input (nothing written),
 * 3 run aborted (what completed is kept and summarised).
 */
@Command(name = "fieldtest", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Evaluate AI systems on your own cases, under production conditions.",
        subcommands = {RunCommand.class, LoadCommand.class, DemoCommand.class, StubServerCommand.class, CompareCommand.class, HistoryCommand.class,
                ServeCommand.class, DriftCommand.class, ScoreProductionCommand.class, IngestCommand.class, ProductionCommand.class, SampleCommand.class,
                ClaimCommand.class, GapCommand.class, FeatureCommand.class, ReviewCommand.class, ChaosCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int ABORTED = 3;

    public static void main(String[] args) {
        int code = execute(args);
        System.out.flush();
        System.err.flush();
        // Some native libraries leave non-daemon threads behind; the command's work is done here.
        System.exit(code);
    }

    /** Runs the command line and returns its exit code, without exiting (for tests and embedding). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Usage errors already exit with 2 (picocli's USAGE code); anything else unexpected aborts the run loudly.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // A --history location that does not parse, or a history that cannot be opened: the message says why and how to fix it.
            if (e instanceof dev.fieldtest.history.HistoryException h) {
                cmd.getErr().println("fieldtest: " + cmd.getCommandName() + ": " + h.getMessage());
                return BAD_INPUT;
            }
            cmd.getErr().println("fieldtest: " + cmd.getCommandName() + " failed: " + e);
            e.printStackTrace(cmd.getErr());
            return ABORTED;
        });
        return cli.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fieldtest " + Version.get() + " (Java " + Runtime.version() + ")"};
        }
    }
}
