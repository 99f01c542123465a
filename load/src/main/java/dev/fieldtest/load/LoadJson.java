package dev.fieldtest.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.Version;
import dev.fieldtest.core.stats.TargetSummaryJson;
import dev.fieldtest.core.stats.WilsonInterval;
import java.time.Duration;

/** load.json (docs/load-json.md): every figure of a load run, per target and per step. Pure. */
public final class LoadJson {
    public static final String FILE = "load.json";
    public static final String NOTICE = "Measurements of these targets on this machine in this run, with sample sizes; "
            + "data for a decision, not a verdict. A step marked invalid measured the load generator, not the target.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadJson() {}

    public static ObjectNode render(String runId, Suite suite, LoadSettings settings, LoadRun.Outcome outcome) {
        ObjectNode root = JSON.createObjectNode();
        root.put("fieldtest_version", Version.get());
        root.put("run_id", runId);
        root.put("status", outcome.aborted() ? "aborted" : "completed");
        root.put("abort_reason", outcome.abortReason());
        root.put("notice", NOTICE);
        root.put("started_at", outcome.startedAt().toString());
        root.put("finished_at", outcome.finishedAt().toString());
        ObjectNode s = root.putObject("suite").put("name", suite.name());
        s.put("file", suite.source() == null || suite.source().file() == null ? null : suite.source().file().toString());
        s.put("sha256", suite.source() == null ? null : suite.source().sha256());
        root.put("profile", settings.profile().wireName());
        root.set("settings", settings(settings));
        root.set("slo", slo(settings.slo()));
        var targets = root.putArray("targets");
        for (TargetLoad t : outcome.targets()) targets.add(target(t));
        return root;
    }

    private static ObjectNode settings(LoadSettings l) {
        OpenLoopRunner.Settings step = l.step();
        ObjectNode n = JSON.createObjectNode();
        n.put("duration_s", seconds(step.duration())).put("warm_up_s", seconds(step.warmUp())).put("cool_down_s", seconds(step.coolDown()));
        if (step.maxInFlight() == Integer.MAX_VALUE) n.putNull("max_in_flight");
        else n.put("max_in_flight", step.maxInFlight());
        n.put("seed", l.seed()).put("quality_sample", l.qualitySample());
        n.put("arrival", l.profile() == LoadSettings.Profile.CLOSED ? null : l.arrivalName());
        if (l.profile() == LoadSettings.Profile.GAMMA || l.arrival() == LoadSettings.Arrival.GAMMA) n.put("gamma_shape", l.gammaShape());
        return n;
    }

    private static ObjectNode slo(Slo slo) {
        return JSON.createObjectNode().put("latency_ms", slo.latencyMs()).put("ttft_ms", slo.ttftMs()).put("tpot_ms", slo.tpotMs())
                .put("goodput", slo.goodput()).put("max_error_rate", slo.maxErrorRate());
    }

    private static ObjectNode target(TargetLoad t) {
        ObjectNode n = JSON.createObjectNode().put("target", t.targetId());
        n.set("settings", JSON.valueToTree(t.settings()));
        n.set("cold_start", first(t.coldStart()));
        var steps = n.putArray("steps");
        t.steps().forEach(s -> steps.add(LoadStepJson.render(s)));
        StepOutcome c = t.collapse();
        if (c == null) n.putNull("collapse");
        else {
            ObjectNode cn = n.putObject("collapse").put("index", c.plan().index());
            if (c.plan() instanceof StepPlan.Open o) cn.put("offered_rps", round(o.offeredRps()));
            else cn.putNull("offered_rps").put("users", ((StepPlan.Closed) c.plan()).users());
            cn.put("reason", String.join("; ", c.breaks()));
        }
        Double max = t.maxSustainedRps();
        if (max == null) n.putNull("max_sustained_rps");
        else n.put("max_sustained_rps", round(max));
        return n;
    }

    /** A single request's cold figures: latency and TTFT as measured from its send, and its error. */
    static ObjectNode first(SentRequest r) {
        if (r == null) return null;
        ObjectNode n = JSON.createObjectNode();
        n.put("latency_ms", round(r.observation().latencyMs()));
        n.put("ttft_ms", r.observation().ttftMs() == null ? null : round(r.observation().ttftMs()));
        n.put("error", r.observation().error() == null ? null : r.observation().error().wireName());
        return n;
    }

    /** {@code key}: successes ÷ total, and its 95% Wilson interval as ci95; both null when total is 0. */
    static void putShare(ObjectNode n, String key, long successes, long total) {
        if (total == 0) {
            n.putNull(key).putNull("ci95");
            return;
        }
        n.put(key, round((double) successes / total));
        WilsonInterval ci = WilsonInterval.of(successes, total);
        n.putArray("ci95").add(round(ci.lo())).add(round(ci.hi()));
    }

    static double round(double x) {
        return TargetSummaryJson.round(x);
    }

    private static double seconds(Duration d) {
        return round(d.toNanos() / 1e9);
    }
}
