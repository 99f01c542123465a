package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A claim's id (no store). */
class ClaimIdTest {
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
}
