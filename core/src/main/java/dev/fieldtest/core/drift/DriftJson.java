package dev.fieldtest.core.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** drift.json, version {@code fieldtest.drift/1}; docs/drift.md documents every field. */
public final class DriftJson {
    public static final String SCHEMA = "fieldtest.drift/1";

    private DriftJson() {}

    /** The document, pretty-printed with a final newline; {@code since}/{@code until} are the requested window (null: open). */
    public static String render(DriftReport r, String suiteFile, Instant since, Instant until, DriftSettings s) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = mapper.createObjectNode().put("schema", SCHEMA).put("suite", r.suite()).put("suite_file", suiteFile)
                .put("feature", r.feature());
        doc.putObject("window").put("since", text(since)).put("until", text(until));
        doc.putObject("golden").put("n", r.goldenN()).put("at", text(r.staleness().goldenAt())).put("at_source", r.staleness().goldenAtSource());
        doc.putObject("production").put("n", r.productionN()).put("skipped", r.productionSkipped())
                .put("from", text(r.staleness().productionFrom())).put("to", text(r.staleness().productionTo()));
        doc.put("worst_verdict", r.worst().wireName());
        var list = doc.putArray("descriptors");
        for (DescriptorDrift d : r.descriptors()) {
            ObjectNode o = list.addObject().put("name", d.name()).put("kind", d.kind()).put("psi", d.psi()).put("js", d.jensenShannon())
                    .put("verdict", d.verdict().wireName()).put("psi_noise", d.psiNoise());
            if (d.wasserstein1() != null) o.put("wasserstein1", d.wasserstein1()).put("golden_mean", d.goldenMean()).put("production_mean", d.productionMean());
            var bins = o.putArray("bins");
            for (int i = 0; i < d.bins().labels().size(); i++) {
                bins.addObject().put("label", d.bins().labels().get(i)).put("golden", d.bins().golden()[i]).put("production", d.bins().production()[i]);
            }
        }
        DriftReport.EmbeddingDrift e = r.embedding();
        if (e == null) {
            doc.putNull("embedding");
            doc.putNull("coverage");
        } else {
            ObjectNode em = doc.putObject("embedding").put("model", e.model()).put("golden_n", e.goldenN()).put("production_n", e.productionN())
                    .put("topics", e.topics());
            if (e.mmd() == null) em.putNull("mmd2").putNull("bandwidth").putNull("p_value").put("permutations", 0);
            else em.put("mmd2", e.mmd().mmd2()).put("bandwidth", e.mmd().bandwidth()).put("p_value", e.mmd().pValue()).put("permutations", e.mmd().permutations());
            if (e.domain() == null) em.putNull("domain_auc").put("domain_folds", 0);
            else em.put("domain_auc", e.domain().auc()).put("domain_folds", e.domain().folds());
            Coverage c = e.coverage();
            ObjectNode co = doc.putObject("coverage").put("threshold", c.threshold()).put("n", c.n()).put("uncovered", c.uncovered())
                    .put("uncovered_share", c.uncoveredShare()).put("mean_nearest_cosine", c.meanNearest());
            co.putObject("uncovered_interval").put("lo", c.uncoveredInterval().lo()).put("hi", c.uncoveredInterval().hi());
            var far = co.putArray("farthest");
            for (DriftReport.Example x : e.farthest()) {
                far.addObject().put("trace_id", x.traceId()).put("span_id", x.spanId()).put("started_at", text(x.startedAt()))
                        .put("text", x.text()).put("nearest_case", x.nearestCase()).put("cosine", x.cosine());
            }
        }
        Staleness st = r.staleness();
        doc.putObject("staleness").put("golden_at", text(st.goldenAt())).put("golden_at_source", st.goldenAtSource())
                .put("production_from", text(st.productionFrom())).put("production_to", text(st.productionTo()))
                .put("days_behind", st.daysBehind()).put("newer_share", st.newerShare());
        doc.putObject("settings").put("coverage_threshold", s.coverageThreshold()).put("topics", s.topics()).put("permutations", s.permutations())
                .put("seed", s.seed()).put("max_embedded", s.maxEmbedded()).put("examples", s.examples())
                .put("psi_moderate", dev.fieldtest.core.config.Defaults.DRIFT_PSI_MODERATE).put("psi_shift", dev.fieldtest.core.config.Defaults.DRIFT_PSI_SHIFT)
                .put("psi_epsilon", Divergence.PSI_EPSILON);
        try {
            return mapper.writeValueAsString(doc) + "\n";
        } catch (Exception ex) {
            throw new IllegalStateException("a JSON tree always serializes", ex);
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
