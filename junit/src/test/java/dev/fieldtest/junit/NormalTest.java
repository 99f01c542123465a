package dev.fieldtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Quantiles against published tables of the standard normal distribution. */
class NormalTest {
    @Test
    void quantilesMatchTheTables() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Normal.quantile(0.95)).isCloseTo(1.644854, within(1e-6));
        assertThat(Normal.quantile(0.995)).isCloseTo(2.575829, within(1e-6));
        assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Normal.quantile(0.01)).isCloseTo(-2.326348, within(1e-6));
    }
}
