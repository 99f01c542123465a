package dev.fieldtest.cli;

import dev.fieldtest.history.Claim;
import dev.fieldtest.history.LedgerGap;
import dev.fieldtest.history.LedgerOffline;
import dev.fieldtest.history.LedgerProduction;
import dev.fieldtest.history.LedgerWindow;

/** One gap row as text for a terminal; every number with its n and, where it is an estimate, its interval. */
final class GapText {
    private GapText() {}

    static String of(LedgerGap g, int runs) {
        StringBuilder b = new StringBuilder();
        b.append(g.model()).append("  ").append(g.metric()).append("  (").append(g.feature() == null ? "any feature" : "feature " + g.feature()).append(")\n");
        for (Claim c : g.claims()) {
            b.append("  claimed     ").append(c.claimedOn()).append("  ").append(dev.fieldtest.core.gate.PropertyResult.format(c.value()))
                    .append(c.version() == null ? "" : "  version " + c.version()).append("  source: ").append(c.source()).append('\n');
        }
        double claimed = g.latestClaim().value();
        if (g.offline().isEmpty()) b.append("  offline     no recorded run has a target of ").append(g.model()).append(" (see docs/ledger.md: which target is which model)\n");
        int skip = runs == 0 ? 0 : Math.max(0, g.offline().size() - runs);
        if (skip > 0) b.append("  offline     … ").append(skip).append(" earlier run").append(skip == 1 ? "" : "s").append(" (--runs 0 shows all)\n");
        for (LedgerOffline o : g.offline().subList(skip, g.offline().size())) {
            b.append("  offline     ").append(o.startedAt() == null ? "?" : o.startedAt().toString().substring(0, 10)).append("  ").append(ClaimCli.num(o.value()))
                    .append(o.lo() == null ? "" : " [" + ClaimCli.num(o.lo()) + ", " + ClaimCli.num(o.hi()) + "]").append(o.n() == null ? "" : " n=" + o.n())
                    .append("  claimed−offline ").append(ClaimCli.signed(claimed - o.value())).append("  run ").append(o.runId()).append(" target ").append(o.target()).append('\n');
        }
        if (!LedgerProduction.supports(g.metric())) b.append("  production  ").append(g.metric()).append(" is not computed from production spans (docs/ledger.md)\n");
        else if (g.production().isEmpty()) b.append("  production  no production data\n");
        Double lastOffline = g.offline().isEmpty() ? null : g.offline().get(g.offline().size() - 1).value();
        for (LedgerWindow w : g.production()) {
            b.append("  production  week of ").append(w.weekOf()).append("  ").append(ClaimCli.num(w.value()))
                    .append(w.lo() == null ? "" : " [" + ClaimCli.num(w.lo()) + ", " + ClaimCli.num(w.hi()) + "]").append(" n=").append(w.n())
                    .append(lastOffline == null ? "" : "  offline−production " + ClaimCli.signed(lastOffline - w.value())).append('\n');
        }
        if (g.realisation() != null) b.append("  expectation ").append(g.realisation().sentence(claimed)).append('\n');
        else b.append("  expectation no other claim of ").append(g.model().vendor()).append(" on ").append(g.metric()).append(" has an offline measurement yet\n");
        return b.append('\n').toString();
    }

    /** Each vendor's realisation on each metric shown, over every measured claim. */
    static String vendors(java.util.List<dev.fieldtest.history.LedgerRealisation> vendors) {
        if (vendors.isEmpty()) return "";
        StringBuilder b = new StringBuilder("realisation (measured ÷ claimed, geometric mean over every measured claim; docs/ledger.md)\n");
        vendors.forEach(r -> b.append("  ").append(r.vendor()).append("  ").append(r.metric()).append("  ").append(ClaimCli.num(r.ratio())).append("× (n=").append(r.n())
                .append(r.n() == 1 ? " claim" : " claims").append(", range ").append(ClaimCli.num(r.min())).append("–").append(ClaimCli.num(r.max())).append(")\n"));
        return b.toString();
    }
}
