package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims stored in the ledger. */
class ClaimTest extends OnEveryStore {
    private static Claim m1(double value, String source) {
        return Claim.of(null, "acme", "m1", null, "pass_rate.value", value, source, LocalDate.of(2026, 1, 5));
    }

    @Test
    void addingTheSameClaimTwiceIsANoOp() {
        try (RunHistory h = RunHistory.open(db)) {
            Ledger l = h.ledger();
            assertThat(l.addClaims(List.of(m1(0.9, "s"), m1(0.8, "s")))).isEqualTo(2);
            assertThat(l.addClaims(List.of(m1(0.90, "s")))).isZero();
            assertThat(l.claims()).extracting(Claim::value).containsExactlyInAnyOrder(0.9, 0.8);
            Claim back = l.claims().stream().filter(c -> c.value() == 0.9).findFirst().orElseThrow();
            assertThat(back).isEqualTo(m1(0.9, "s"));
        }
    }
}
