package dev.fieldtest.load;

import static dev.fieldtest.load.LoadJson.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/** One step of load.json (docs/load-json.md). Pure. */
final class LoadStepJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadStepJson() {}

    static ObjectNode render(StepOutcome s) {
        StepResult r = s.result();
        ObjectNode n = JSON.createObjectNode().put("index", s.plan().index());
        if (s.plan() instanceof StepPlan.Open o) {
            n.put("kind", "open").put("arrival", o.arrival()).put("offered_rps", round(o.offeredRps())).putNull("concurrency");
        } else {
            n.put("kind", "closed").putNull("arrival").putNull("offered_rps").put("concurrency", ((StepPlan.Closed) s.plan()).users());
        }
        n.put("window_s", round(r.windowSeconds()));
        n.put("sent", r.sent()).put("completed", r.completed()).put("succeeded", r.succeeded());
        n.put("achieved_rps", round(r.achievedRps()));
        if (s.plan() instanceof StepPlan.Open) n.put("achieved_share", round(StepJudgement.achievedShare(r)));
        else n.putNull("achieved_share");
        n.put("output_tokens_per_s", round(r.outputTokens() / r.windowSeconds()));
        ObjectNode errors = n.putObject("errors");
        new java.util.TreeMap<>(r.errors()).forEach((k, v) -> errors.put(k.wireName(), v));
        n.put("error_rate", round(r.errorRate()));
        n.put("throttled_429", r.throttled429());
        ObjectNode goodput = n.putObject("goodput").put("good", r.good()).put("n", r.sent());
        LoadJson.putShare(goodput, "share", r.good(), r.sent());
        goodput.put("rps", round(r.good() / r.windowSeconds()));
        n.set("latency_ms", pair(r.correctedLatency(), r.serviceLatency()));
        n.set("ttft_ms", pair(r.correctedTtft(), r.serviceTtft()));
        n.set("tpot_ms", summary(r.tpot()));
        n.set("itl_ms", summary(r.itl()));
        n.set("first_request", LoadJson.first(r.first()));
        n.set("quality", quality(s.quality()));
        ObjectNode cost = n.putObject("cost").put("total_usd", round(r.costUsd()));
        Double perSuccess = r.costPerSuccessUsd();
        if (perSuccess == null) cost.putNull("per_success_usd");
        else cost.put("per_success_usd", round(perSuccess));
        cost.put("judge_usd", s.quality() == null ? 0 : round(s.quality().judgeCostUsd()));
        n.set("send_lag_ms", summary(r.sendLag()));
        n.put("late_send_share", round(r.sendLagOverOneMsShare()));
        n.put("valid", r.valid()).put("invalid_reason", r.invalidReason());
        n.put("meets_slo", s.meetsSlo());
        var breaks = n.putArray("breaks");
        s.breaks().forEach(breaks::add);
        n.put("histogram_log", s.histogramLog());
        return n;
    }

    private static ObjectNode quality(StepOutcome.Quality q) {
        if (q == null) return null;
        ObjectNode n = JSON.createObjectNode().put("n", q.n()).put("passed", q.passed());
        LoadJson.putShare(n, "pass_rate", q.passed(), q.n());
        return n;
    }

    private static ObjectNode pair(Histogram corrected, Histogram service) {
        ObjectNode n = JSON.createObjectNode();
        n.set("corrected", summary(corrected));
        n.set("service", summary(service));
        return n;
    }

    /** n and p50…max in ms from a µs histogram; the percentiles are null when n is 0. */
    static ObjectNode summary(Histogram micros) {
        LatencySummary l = LatencySummary.ofMicros(micros);
        ObjectNode n = JSON.createObjectNode().put("n", l.n());
        double[] values = {l.p50Ms(), l.p90Ms(), l.p95Ms(), l.p99Ms(), l.p999Ms(), l.maxMs()};
        String[] names = {"p50", "p90", "p95", "p99", "p999", "max"};
        for (int i = 0; i < names.length; i++) {
            if (l.n() == 0) n.putNull(names[i]);
            else n.put(names[i], round(values[i]));
        }
        return n;
    }
}
