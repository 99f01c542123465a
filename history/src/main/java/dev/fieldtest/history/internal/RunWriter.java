package dev.fieldtest.history.internal;

import dev.fieldtest.history.CallRow;
import dev.fieldtest.history.RunRecord;
import dev.fieldtest.history.TargetMetric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Stores one run in one transaction, replacing any earlier record of the same run_id, so recording a run twice
 * leaves the same rows as recording it once. Metrics and calls go through a {@link TableAppender}, which joins the
 * transaction the DELETEs opened, so a failure leaves nothing half-written.
 */
public final class RunWriter {
    private static final String[] TABLES = {"calls", "target_metrics", "runs"};

    private RunWriter() {}

    /** Returns true when an earlier record of this run was replaced. */
    public static boolean write(Connection c, RunRecord r) throws SQLException {
        return Sql.inTransaction(c, () -> {
            boolean replaced = exists(c, r.runId());
            for (String table : TABLES) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    d.setString(1, r.runId());
                    d.executeUpdate();
                }
            }
            insertRun(c, r);
            try (TableAppender a = TableAppender.open(c, "target_metrics", false, 4)) {
                for (TargetMetric m : r.metrics()) a.row(r.runId(), m.target(), m.metric(), m.value());
                a.finish();
            }
            try (TableAppender a = TableAppender.open(c, "calls", false, 15)) {
                for (CallRow call : r.calls()) append(a, r.runId(), call);
                a.finish();
            }
            return replaced;
        });
    }

    private static boolean exists(Connection c, String runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM runs WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static void insertRun(Connection c, RunRecord r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (run_id, kind, suite, started_at, finished_at, status, run_dir, "
                + "fieldtest_version, summary, recorded_at) VALUES (?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?, ?, ?, ?, CAST(? AS TIMESTAMP))")) {
            p.setString(1, r.runId());
            p.setString(2, r.kind().wireName());
            Sql.setString(p, 3, r.suite());
            Sql.setString(p, 4, Sql.timestamp(r.startedAt()));
            Sql.setString(p, 5, Sql.timestamp(r.finishedAt()));
            p.setString(6, r.status());
            p.setString(7, r.runDir());
            Sql.setString(p, 8, r.fieldtestVersion());
            p.setString(9, r.summaryJson());
            p.setString(10, Sql.timestamp(Instant.now()));
            p.executeUpdate();
        }
    }

    /** Column order of V1's calls table. */
    private static void append(TableAppender a, String runId, CallRow c) throws SQLException {
        a.row(runId, c.line(), c.target(), c.caseId(), c.repeat(), c.variant(), c.passed(), c.error(), c.latencyMs(), c.ttftMs(),
                c.costUsd(), c.inputTokens(), c.outputTokens(), c.tags(), c.rowJson());
    }
}
