package dev.fieldtest.cli;

import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Location;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** How every command refuses bad input: all problems listed, exit 2, and a run directory never reused. */
final class InputProblems {
    private InputProblems() {}

    /** Prints every problem of {@code e}, one per line, and returns {@link Main#BAD_INPUT}. */
    static int report(PrintStream err, ConfigException e) {
        err.println("fieldtest: the suite has " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + ":");
        e.problems().forEach(p -> err.println("  " + p));
        return Main.BAD_INPUT;
    }

    /** Throws when {@code dir} already holds one of {@code files}: a run's files are never overwritten or appended to. */
    static void requireNoRunIn(Path dir, String what, String... files) {
        for (String name : files) {
            if (Files.exists(dir.resolve(name))) {
                throw new ConfigException(Location.of(dir), "this directory already holds " + what + " (" + name + ")",
                        "choose another --out, or delete the directory");
            }
        }
    }
}
