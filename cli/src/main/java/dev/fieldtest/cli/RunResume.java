package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.run.Evaluation;
import dev.fieldtest.core.run.Plan;
import dev.fieldtest.core.run.PlannedCall;
import dev.fieldtest.core.run.ResumePoint;
import dev.fieldtest.core.run.RunManifest;
import dev.fieldtest.core.spi.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The checks before {@code fieldtest run --resume DIR} makes a call: DIR has a run.json and no finished
 * summary, the suite file, its dataset and the plan hash to what run.json recorded, and results.jsonl holds
 * only whole rows of that plan, each once. Only then is a torn last line cut off (docs/cli.md).
 */
final class RunResume {
    private RunResume() {}

    /** A run that may be finished: its manifest and how far it got. */
    record Ready(RunManifest manifest, ResumePoint point, int missing) {}

    /** Why DIR cannot be resumed; the command exits 2 and changes nothing. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    static RunManifest manifest(Path runDir) throws Refused {
        try {
            RunManifest m = RunManifest.read(runDir);
            Path summary = runDir.resolve(Evaluation.SUMMARY);
            if (Files.isRegularFile(summary)) {
                String status = new ObjectMapper().readTree(summary.toFile()).path("status").asText();
                if (!"aborted".equals(status)) throw new Refused("it holds a finished run (summary.json says " + status + "); start a new run with --out");
            }
            return m;
        } catch (IllegalArgumentException | IOException e) {
            throw new Refused(e.getMessage());
        }
    }

    /** The suite file to load: the one given, else the one run.json names. */
    static Path suiteFile(Path given, RunManifest m) throws Refused {
        if (given != null) return given;
        if (m.suiteFile() == null) throw new Refused("run.json names no suite file; give it: fieldtest run --resume DIR SUITE");
        return Path.of(m.suiteFile());
    }

    /** Compares the suite with the one the run started with, then reads (and trims) results.jsonl. */
    static Ready check(Suite suite, List<Target> targets, RunManifest m, Path runDir) throws Refused, IOException {
        String now = suite.source() == null ? null : suite.source().sha256();
        if (!Objects.equals(now, m.suiteSha256())) throw new Refused(changed("the suite file", m.suiteSha256(), now));
        String data = suite.dataset() == null ? null : suite.dataset().sha256();
        if (!Objects.equals(data, m.datasetSha256())) throw new Refused(changed("the dataset", m.datasetSha256(), data));
        List<PlannedCall> plan = Plan.of(suite, targets);
        if (!RunManifest.planHash(plan).equals(m.planSha256())) {
            throw new Refused("the plan changed (" + m.plannedCalls() + " calls when the run started, " + plan.size()
                    + " now; targets, cases or repeat differ): resuming would mix two plans; start a new run with --out");
        }
        try {
            ResumePoint point = ResumePoint.open(runDir.resolve(Evaluation.RESULTS), m.runId(), plan);
            return new Ready(m, point, plan.size() - point.done().size());
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
    }

    private static String changed(String what, String then, String now) {
        return what + " changed since the run started (sha256 " + brief(then) + " then, " + brief(now) + " now): resuming would mix "
                + "results of two suites; restore it, or start a new run with --out";
    }

    private static String brief(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
    }
}
