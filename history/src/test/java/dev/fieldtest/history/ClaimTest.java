package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimTest {
    @TempDir Path dir;

    private static Claim m1(double value, String source) {
        return Claim.of(null, "acme", "m1", null, "pass_rate.value", value, source, LocalDate.of(2026, 1, 5));
    }

    @Test
    void theIdIsTheSha256OfTheCanonicalFields() {
        // printf 'feature=\nvendor=acme\nmodel=m1\nversion=\nmetric=pass_rate.value\nvalue=0.9\nsource=https://acme.example/m1\ndate=2026-01-05\n' | sha256sum
        assertThat(m1(0.9, "https://acme.example/m1").id()).isEqualTo("7bf870b8131dee323381387a07f53aae8239431a06655fc6a374515a28d5a6da");
        assertThat(m1(0.90, "https://acme.example/m1").id()).isEqualTo(m1(0.9, "https://acme.example/m1").id());
        assertThat(Claim.of(null, "ACME", "M1", null, "pass_rate.value", 0.9, "https://acme.example/m1", LocalDate.of(2026, 1, 5)).id())
                .isEqualTo(m1(0.9, "https://acme.example/m1").id());
        assertThat(m1(0.9, "https://acme.example/other").id()).isNotEqualTo(m1(0.9, "https://acme.example/m1").id());
        assertThat(Claim.of("search", "acme", "m1", null, "pass_rate.value", 0.9, "https://acme.example/m1", LocalDate.of(2026, 1, 5)).id())
                .isNotEqualTo(m1(0.9, "https://acme.example/m1").id());
    }

    @Test
    void addingTheSameClaimTwiceIsANoOp() {
        try (RunHistory h = RunHistory.open(dir.resolve("h.duckdb"))) {
            Ledger l = h.ledger();
            assertThat(l.addClaims(List.of(m1(0.9, "s"), m1(0.8, "s")))).isEqualTo(2);
            assertThat(l.addClaims(List.of(m1(0.90, "s")))).isZero();
            assertThat(l.claims()).extracting(Claim::value).containsExactlyInAnyOrder(0.9, 0.8);
            Claim back = l.claims().stream().filter(c -> c.value() == 0.9).findFirst().orElseThrow();
            assertThat(back).isEqualTo(m1(0.9, "s"));
        }
    }
}
