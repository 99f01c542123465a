package dev.fieldtest.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fieldtest claim}: what vendors claimed about their models (docs/ledger.md). */
@Command(name = "claim", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Record and list vendors' claims about their models, to compare with what fieldtest measures (docs/ledger.md).",
        subcommands = {ClaimAddCommand.class, ClaimImportCommand.class, ClaimListCommand.class})
final class ClaimCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return Main.BAD_INPUT;
    }
}
