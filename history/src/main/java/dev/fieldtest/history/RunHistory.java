package dev.fieldtest.history;

import dev.fieldtest.history.internal.HistoryConnections;
import dev.fieldtest.history.internal.Migrations;
import dev.fieldtest.history.internal.RunQueries;
import dev.fieldtest.history.internal.RunWriter;
import dev.fieldtest.history.internal.StoreCopy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * fieldtest's run history (docs/history.md): every recorded run, the numeric metrics of each of its targets, and its
 * calls, plus production spans, scores and the ledger, in a {@link HistoryStore}: a DuckDB file (by default
 * {@code .fieldtest/history.duckdb}) or a shared PostgreSQL database. Opening brings the schema to the newest version
 * this code knows, or refuses a database written by a newer fieldtest. Recording a run_id again replaces the earlier
 * record in one transaction. Methods are synchronized on this object; close it to release the connection (and the
 * DuckDB file, which only one process may hold at a time).
 */
public final class RunHistory implements AutoCloseable {
    private final HistoryStore store;
    private final Connection connection;

    private RunHistory(HistoryStore store, Connection connection) {
        this.store = store;
        this.connection = connection;
    }

    /** Opens the DuckDB file {@code dbFile}: {@link #open(HistoryStore)} of {@link HistoryStore#file(Path)}. */
    public static RunHistory open(Path dbFile) {
        return open(HistoryStore.file(dbFile));
    }

    /**
     * Opens and migrates {@code store}, creating a DuckDB file and its parent directories if needed (a PostgreSQL
     * database must exist; its tables are created).
     *
     * @throws HistoryException when the store cannot be reached or is not a history database, its schema is newer
     *                          than this code, a migration fails, or another process keeps a DuckDB file locked
     */
    public static RunHistory open(HistoryStore store) {
        return new RunHistory(store, HistoryConnections.openMigrated(store));
    }

    /** The newest schema version this code writes. */
    public static int supportedSchemaVersion() {
        return Migrations.latest();
    }

    /** Where this history lives. */
    public HistoryStore store() {
        return store;
    }

    /** Stores {@code run}; returns true when it replaced an earlier record of the same run_id. */
    public boolean record(RunRecord run) {
        return sql("record run " + run.runId(), c -> RunWriter.write(c, run));
    }

    /** Reads a run directory ({@link RunRecord#read}) and stores it; returns true when it replaced an earlier record. */
    public boolean recordRunDirectory(Path runDir) {
        return record(RunRecord.read(runDir));
    }

    /** Every recorded run, newest start first. */
    public List<RunSummary> runs() {
        return sql("list runs", c -> RunQueries.runs(c, null));
    }

    public Optional<RunSummary> run(String runId) {
        return sql("read run " + runId, c -> RunQueries.runs(c, runId).stream().findFirst());
    }

    /** The run's summary.json (or load.json) text as it was recorded. */
    public Optional<String> summaryJson(String runId) {
        return sql("read run " + runId, c -> RunQueries.summaryJson(c, runId));
    }

    /** One target metric (a {@link TargetMetric#metric()} path) over every run that has it, oldest start first. */
    public List<MetricPoint> metricSeries(String target, String metricPath) {
        return sql("read metric " + metricPath, c -> RunQueries.metricSeries(c, target, metricPath));
    }

    /** Every target id that has a recorded metric in any run, sorted. */
    public List<String> targets() {
        return sql("list targets", c -> RunQueries.names(c, null));
    }

    /** Every metric path recorded for {@code target} in any run, sorted (what {@link #metricSeries} accepts). */
    public List<String> metricPaths(String target) {
        return sql("list metrics of " + target, c -> RunQueries.names(c, target));
    }

    /** Every numeric metric of every target of a run, by target then metric path. */
    public List<TargetMetric> metrics(String runId) {
        return sql("read metrics of " + runId, c -> RunQueries.metrics(c, runId));
    }

    /** The run's calls in results.jsonl order; empty for a load run or an unknown run_id. */
    public List<CallRow> calls(String runId) {
        return sql("read calls of " + runId, c -> RunQueries.calls(c, runId));
    }

    /** The ledger's claims, features and review sign-offs (docs/ledger.md); shares this history's connection and lock. */
    public Ledger ledger() {
        return new Ledger(this);
    }

    /** Production inputs ({@code production_spans}) for drift (docs/drift.md); shares this history's connection and lock. */
    public ProductionInputs productionInputs() {
        return new ProductionInputs(this);
    }

    /** The production spans stored in this history (docs/production.md); usable while this history is open. */
    public ProductionSpans production() {
        return new ProductionSpans(this);
    }

    /** Online scores of production spans ({@code production_scores}, docs/online-scoring.md); shares this history's connection and lock. */
    public ProductionScores productionScores() {
        return new ProductionScores(this);
    }

    /**
     * Copies every row of this history into {@code target}, which must be empty (moving a team's DuckDB file to a shared
     * PostgreSQL database, or taking a local snapshot of one); returns the rows copied per table. The target is written
     * in one transaction: a failed copy leaves it empty.
     *
     * @throws HistoryException when the target already has rows, or either store fails
     */
    public Map<String, Long> copyTo(RunHistory target) {
        return sql("read for the copy to " + target.store.display(),
                from -> target.sql("copy from " + store.display(), to -> StoreCopy.copy(from, to, target.store.display())));
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new HistoryException(store.display() + ": cannot close the history database: " + e.getMessage(), e);
        }
    }

    /** Work on this history's connection. */
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} under this history's lock (every reader and writer of the connection, the accessors'
     * included, goes through here); an SQLException becomes a HistoryException saying what could not be done.
     */
    synchronized <T> T sql(String what, SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new HistoryException(store.display() + ": could not " + what + ": " + e.getMessage(), e);
        }
    }
}
