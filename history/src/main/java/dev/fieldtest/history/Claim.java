package dev.fieldtest.history;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One number a vendor published about a model (docs/ledger.md): "model M of vendor V scores X on metric P", from a
 * source, on a date, optionally for one feature. {@link #id()} is the SHA-256 of the fields, so the same claim always
 * has the same id whatever order it was entered in. Immutable.
 *
 * @param feature null when the claim is about the model, whatever feature uses it
 * @param version null when the vendor gave none
 * @param metric  a metric path as in target_metrics, e.g. {@code pass_rate.value} or {@code latency_ms.p95}
 */
public record Claim(String id, String feature, String vendor, String model, String version, String metric, double value,
                    String source, LocalDate claimedOn) {
    public Claim {
        if (vendor == null || vendor.isBlank() || model == null || model.isBlank() || metric == null || metric.isBlank()
                || source == null || source.isBlank() || claimedOn == null) {
            throw new IllegalArgumentException("a claim needs vendor, model, metric, source and date");
        }
        if (!Double.isFinite(value)) throw new IllegalArgumentException("a claim's value must be a finite number, but was " + value);
    }

    /** A claim whose id is computed from its fields. */
    public static Claim of(String feature, String vendor, String model, String version, String metric, double value, String source,
                           LocalDate claimedOn) {
        return new Claim(idOf(feature, vendor, model, version, metric, value, source, claimedOn), feature, vendor, model, version, metric,
                value, source, claimedOn);
    }

    /**
     * The id: SHA-256 (lowercase hex) of the fields in a fixed order, each as {@code name=value} on its own line, an absent
     * field as an empty value; the number in its shortest plain form (0.9 and 0.90 are the same claim); vendor and model
     * lowercased, as matching ignores their case.
     */
    public static String idOf(String feature, String vendor, String model, String version, String metric, double value, String source,
                              LocalDate claimedOn) {
        String canonical = "feature=" + nz(feature) + "\nvendor=" + vendor.toLowerCase(Locale.ROOT) + "\nmodel=" + model.toLowerCase(Locale.ROOT)
                + "\nversion=" + nz(version) + "\nmetric=" + metric + "\nvalue=" + plain(value) + "\nsource=" + source + "\ndate=" + claimedOn + "\n";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String plain(double v) {
        return v == 0 ? "0" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
