package dev.fieldtest.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Hashing;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * run.json: what a run directory was started with, written durably before the first call so that
 * {@code fieldtest run --resume DIR} after a kill can find the suite again and refuse one that changed.
 * {@code planSha256} hashes the plan's call keys in order; the suite and dataset hashes catch changes that
 * keep the plan but would mix two suites' results (a new check, a new prompt). Immutable.
 */
public record RunManifest(String runId, Instant startedAt, String suiteFile, String suiteSha256, String datasetSha256,
                          String planSha256, int plannedCalls, int repeat, int concurrency) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final int FORMAT = 1;

    public static RunManifest of(String runId, Instant started, Suite suite, List<PlannedCall> plan) {
        Path file = suite.source() == null ? null : suite.source().file();
        return new RunManifest(runId, started, file == null ? null : file.toAbsolutePath().normalize().toString(),
                suite.source() == null ? null : suite.source().sha256(), suite.dataset() == null ? null : suite.dataset().sha256(),
                planHash(plan), plan.size(), suite.repeat(), suite.concurrency());
    }

    /** SHA-256 of the plan's keys (target, case, repeat), one per line, in plan order. */
    public static String planHash(List<PlannedCall> plan) {
        StringBuilder keys = new StringBuilder();
        plan.forEach(c -> keys.append(c.key().replace('\u0000', '\t')).append('\n'));
        return Hashing.sha256(keys.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Path file(Path runDir) {
        return runDir.resolve(Defaults.RUN_MANIFEST);
    }

    /** Writes run.json to a temporary sibling, forces it to disk, renames it into place and forces the directory. */
    public void write(Path runDir) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT).put("run_id", runId).put("started_at", startedAt.toString()).put("suite_file", suiteFile)
                .put("suite_sha256", suiteSha256).put("dataset_sha256", datasetSha256).put("plan_sha256", planSha256)
                .put("planned_calls", plannedCalls).put("repeat", repeat).put("concurrency", concurrency);
        Path target = file(runDir);
        Path tmp = AtomicFiles.tempFor(target);
        try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
            out.write(JSON.writeValueAsBytes(m));
            out.getFD().sync();
        }
        AtomicFiles.commit(target);
        syncDirectory(runDir);
    }

    /** The manifest of {@code runDir}; IllegalArgumentException naming the file when it is missing or unreadable. */
    public static RunManifest read(Path runDir) {
        Path f = file(runDir);
        if (!Files.isRegularFile(f)) throw new IllegalArgumentException(f + " does not exist: this directory holds no run that can be resumed (a run writes it before its first call)");
        try {
            JsonNode m = JSON.readTree(f.toFile());
            return new RunManifest(m.path("run_id").asText(), Instant.parse(m.path("started_at").asText()), text(m, "suite_file"),
                    text(m, "suite_sha256"), text(m, "dataset_sha256"), m.path("plan_sha256").asText(), m.path("planned_calls").asInt(),
                    m.path("repeat").asInt(), m.path("concurrency").asInt());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(f + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode m, String field) {
        return m.hasNonNull(field) ? m.get(field).asText() : null;
    }

    /** A rename is durable only once its directory is forced too (POSIX); not possible everywhere, so best effort. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory; the rename is still atomic there
        }
    }
}
