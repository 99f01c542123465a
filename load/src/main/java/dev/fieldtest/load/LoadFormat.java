package dev.fieldtest.load;

import java.math.BigDecimal;

/** How rates read in step descriptions and reasons: 40, 2.5, 0.125 — no trailing zeros. */
final class LoadFormat {
    private LoadFormat() {}

    static String rate(double rps) {
        return new BigDecimal(Double.toString(rps)).stripTrailingZeros().toPlainString();
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }
}
