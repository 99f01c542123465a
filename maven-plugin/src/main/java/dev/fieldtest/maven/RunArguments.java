package dev.fieldtest.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code fieldtest run} command line the goal executes for one suite: the same arguments a user would type, so
 * the plugin and the CLI give the same run, files and exit code.
 *
 * @param repeat      runs per case and target; null keeps the suite's value
 * @param concurrency calls in flight; null keeps the suite's value
 * @param history     the run history to record in (file or PostgreSQL URL); null records nothing
 */
record RunArguments(Integer repeat, Integer concurrency, String history) {

    /** {@code run SUITE --out DIR [--repeat K] [--concurrency N] (--history LOC | --no-history)}. */
    List<String> forSuite(Path suite, Path runDir) {
        var args = new ArrayList<>(List.of("run", suite.toString(), "--out", runDir.toString()));
        if (repeat != null) args.addAll(List.of("--repeat", repeat.toString()));
        if (concurrency != null) args.addAll(List.of("--concurrency", concurrency.toString()));
        // Off unless asked: a build must not leave a .fieldtest/ folder in the user's project.
        if (history == null || history.isBlank()) args.add("--no-history");
        else args.addAll(List.of("--history", history.strip()));
        return List.copyOf(args);
    }

    /** A history file relative to the project, as the user wrote it in the pom; URLs pass unchanged. */
    static String historyAt(Path baseDir, String history) {
        if (history == null || history.isBlank()) return null;
        String h = history.strip();
        if (h.contains("://")) return h;
        return baseDir.resolve(h).normalize().toString();
    }
}
