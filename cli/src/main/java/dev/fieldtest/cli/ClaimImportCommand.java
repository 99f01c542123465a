package dev.fieldtest.cli;

import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.history.Claim;
import dev.fieldtest.history.ClaimFile;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fieldtest claim import FILE}: every claim of a YAML or JSON list, all or none. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Record the claims of a YAML or JSON list (the fields of claim add; date as YYYY-MM-DD). A file with any problem records nothing.")
final class ClaimImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The claims file.")
    Path claimsFile;
    @Mixin
    HistoryLocation history = new HistoryLocation();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        List<Claim> claims;
        try {
            claims = ClaimFile.read(claimsFile);
        } catch (ConfigException e) {
            return ClaimCli.bad(err, "the claims file (nothing was recorded)", e);
        }
        try (RunHistory h = RunHistory.open(history.store())) {
            int added = h.ledger().addClaims(claims);
            out.println("recorded " + added + " new claim" + (added == 1 ? "" : "s") + " of " + claims.size() + " in " + claimsFile
                    + (added < claims.size() ? " (" + (claims.size() - added) + " already recorded)" : "") + " in " + h.store().display());
            return Main.OK;
        } catch (HistoryException e) {
            return ClaimCli.bad(err, e.getMessage());
        }
    }
}
