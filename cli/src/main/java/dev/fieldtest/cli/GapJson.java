package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.history.LedgerGap;
import dev.fieldtest.history.LedgerOffline;
import dev.fieldtest.history.LedgerRealisation;
import dev.fieldtest.history.LedgerWindow;
import java.util.List;

/** {@code fieldtest gap --json}: the gap rows and the vendors' realisations, as docs/ledger.md shows them. */
final class GapJson {
    private GapJson() {}

    static ObjectNode of(List<LedgerGap> gaps, List<LedgerRealisation> vendors) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        ArrayNode a = root.putArray("gaps");
        for (LedgerGap g : gaps) {
            ObjectNode o = a.addObject().put("feature", g.feature()).put("vendor", g.model().vendor()).put("model", g.model().model()).put("metric", g.metric());
            o.set("claims", ClaimListCommand.json(g.claims()));
            ArrayNode off = o.putArray("offline");
            for (LedgerOffline x : g.offline()) {
                ObjectNode p = off.addObject().put("run_id", x.runId()).put("started_at", x.startedAt() == null ? null : x.startedAt().toString())
                        .put("suite", x.suite()).put("target", x.target()).put("value", x.value()).put("n", x.n());
                if (x.lo() != null) p.putArray("ci95").add(x.lo()).add(x.hi());
            }
            ArrayNode prod = o.putArray("production");
            for (LedgerWindow w : g.production()) {
                ObjectNode p = prod.addObject().put("week_of", w.weekOf().toString()).put("value", w.value()).put("n", w.n());
                if (w.lo() != null) p.putArray("ci95").add(w.lo()).add(w.hi());
            }
            o.put("claimed_minus_offline", g.claimedMinusOffline()).put("offline_minus_production", g.offlineMinusProd());
            if (g.realisation() == null) o.putNull("realisation");
            else o.putObject("realisation").put("ratio", g.realisation().ratio()).put("n", g.realisation().n()).put("min", g.realisation().min())
                    .put("max", g.realisation().max()).put("expected", g.expected());
        }
        ArrayNode v = root.putArray("vendors");
        vendors.forEach(r -> v.addObject().put("vendor", r.vendor()).put("metric", r.metric()).put("ratio", r.ratio()).put("n", r.n())
                .put("min", r.min()).put("max", r.max()));
        return root;
    }
}
