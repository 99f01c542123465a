package dev.fieldtest.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.Version;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.stats.RunAggregate;
import dev.fieldtest.core.stats.TargetSummaryJson;
import java.time.Instant;

/**
 * summary.json: how the run ended, its provenance, and per target the metrics whose names
 * docs/summary-json.md promises to keep. Built only from the aggregate of results.jsonl.
 */
public final class SummaryDocument {
    /** Bumped only when a documented name changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;
    public static final String NOTICE = "Measurements of these targets on these cases in this run, with sample sizes and "
            + "95% intervals; data for a decision, not a verdict.";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryDocument() {}

    public static ObjectNode build(String runId, Suite suite, Components components, RunOutcome outcome,
                                   RunAggregate aggregate, Instant started, Instant finished) {
        ObjectNode s = JSON.createObjectNode();
        s.put("schema_version", SCHEMA_VERSION);
        s.put("run_id", runId);
        s.put("status", outcome.aborted() ? "aborted" : outcome.partial() ? "partial" : "complete");
        s.put("abort_reason", outcome.abortReason());
        if (outcome.partial()) partial(s.putObject("partial"), outcome, suite.budget());
        s.put("notice", NOTICE);
        s.put("started_at", started.toString());
        s.put("finished_at", finished.toString());
        s.put("wall_ms", outcome.wall().toMillis());
        s.put("planned_calls", outcome.planned());
        s.put("completed_calls", outcome.completed());
        s.put("repeat", suite.repeat());
        s.put("concurrency", suite.concurrency());
        s.set("targets", TargetSummaryJson.targets(aggregate, suite.repeat(), suite.confidentWrongAt()));
        s.set("provenance", provenance(suite, components));
        return s;
    }

    /** Why a budget stopped the run, against which limits, and how much of the plan it covers. */
    private static void partial(ObjectNode p, RunOutcome outcome, Budget budget) {
        p.put("reason", outcome.partialReason()).put("planned", outcome.planned()).put("completed", outcome.completed());
        p.putObject("budget").put("max_usd", budget.maxUsd()).put("max_calls", budget.maxCalls());
    }

    private static ObjectNode provenance(Suite suite, Components components) {
        ObjectNode p = JSON.createObjectNode();
        p.put("fieldtest_version", Version.get());
        p.put("java_version", Runtime.version().toString());
        ObjectNode su = p.putObject("suite");
        su.put("name", suite.name());
        su.put("description", suite.description());
        su.put("file", suite.source() == null || suite.source().file() == null ? null : suite.source().file().toString());
        su.put("sha256", suite.source() == null ? null : suite.source().sha256());
        ObjectNode ds = p.putObject("dataset");
        ds.put("file", suite.dataset() == null ? null : suite.dataset().file().toString());
        ds.put("sha256", suite.dataset() == null ? null : suite.dataset().sha256());
        ds.put("cases", suite.cases().size());
        var checks = p.putArray("checks");
        suite.checks().forEach(c -> checks.addObject().put("name", c.name()).put("type", c.type()));
        ObjectNode targets = p.putObject("targets");
        components.targets().forEach(t -> targets.set(t.id(), JSON.valueToTree(t.describe())));
        return p;
    }

    public static String pretty(ObjectNode summary) {
        try {
            return JSON.writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary always serializes", e);
        }
    }
}
