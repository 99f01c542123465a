package dev.fieldtest.cli;

import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Property;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.Ledger;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.ReviewCalendar;
import dev.fieldtest.history.ReviewSignoff;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldtest review sign}: signs one review of one property for the due date current today. */
@Command(name = "sign", mixinStandardHelpOptions = true, description = "Sign off one review of a property for its current due date.")
final class ReviewSignCommand implements Callable<Integer> {
    @Option(names = "--feature", required = true, paramLabel = "F", description = "The feature.")
    String feature;
    @Option(names = "--property", required = true, paramLabel = "P", description = "The property's name in the feature's suite.")
    String property;
    @Option(names = "--review", required = true, paramLabel = "REVIEW", description = "week4, week12 or quarterly.")
    String review;
    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who signs.")
    String by;
    @Option(names = "--note", paramLabel = "TEXT", description = "What was decided.")
    String note;
    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The day that picks the current due date (default: today, UTC).")
    String today;
    @Mixin
    HistoryLocation history = new HistoryLocation();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        try (RunHistory h = RunHistory.open(history.store())) {
            LocalDate day = ReviewCommand.today(today);
            if (by.isBlank()) throw new ClaimCli.BadOption("--by is empty: give the name of who signs");
            Ledger ledger = h.ledger();
            LedgerFeature f = ReviewCommand.feature(ledger, feature);
            if (f.suiteFile() == null) throw new ClaimCli.BadOption("feature " + feature + " has no suite, so no properties to sign: add it again with --suite FILE");
            Property p = ReviewCommand.properties(f).stream().filter(x -> x.name().equals(property)).findFirst().orElseThrow(() -> new ClaimCli.BadOption(
                    "the suite of " + feature + " has no property \"" + property + "\": use one of "
                            + String.join(", ", ReviewCommand.properties(f).stream().map(Property::name).toList())));
            if (!p.review().contains(review)) {
                throw new ClaimCli.BadOption("property \"" + property + "\" is reviewed at " + String.join(", ", p.review()) + ", not \"" + review + "\": use one of those");
            }
            LocalDate due = ReviewCalendar.dueOn(f.launchedOn(), review, day);
            boolean signed = ledger.sign(new ReviewSignoff(feature, property, review, due, by, Instant.now(), ClaimAddCommand.blankToNull(note)));
            if (signed) out.println("signed " + feature + " / " + property + " / " + review + " due " + due + " by " + by);
            else out.println("already signed: " + feature + " / " + property + " / " + review + " due " + due + " (the first sign-off is kept)");
            return Main.OK;
        } catch (ClaimCli.BadOption | HistoryException e) {
            return ClaimCli.bad(err, e.getMessage());
        } catch (ConfigException e) {
            return ClaimCli.bad(err, "the feature's suite", e);
        }
    }
}
