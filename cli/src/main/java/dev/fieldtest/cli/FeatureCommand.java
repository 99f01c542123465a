package dev.fieldtest.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fieldtest feature}: the AI features the review calendar follows (docs/ledger.md). */
@Command(name = "feature", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Record the AI features whose properties are reviewed, with their launch dates (docs/ledger.md).",
        subcommands = {FeatureAddCommand.class, FeatureListCommand.class})
final class FeatureCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return Main.BAD_INPUT;
    }
}
