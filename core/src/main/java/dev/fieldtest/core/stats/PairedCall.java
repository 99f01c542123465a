package dev.fieldtest.core.stats;

import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.perturb.Variant;
import java.util.Objects;

/**
 * One call's pass outcome with what pairs it to the other target's call: case id, repeat index and
 * variant (null for the case as written). Immutable.
 */
public record PairedCall(String caseId, int repeat, String variant, boolean pass) {
    public PairedCall {
        Objects.requireNonNull(caseId, "caseId");
    }

    /** What two calls must share to form a pair. */
    public record Key(String caseId, int repeat, String variant) {}

    /**
     * The outcome of a results row. It passes exactly when {@link TargetAggregate} counts it as passing:
     * the call succeeded and every check passed.
     *
     * @throws IllegalArgumentException when the call has no case id (a production trace cannot be paired)
     */
    public static PairedCall of(ScoredCall call) {
        String caseId = call.observation().caseId();
        if (caseId == null) throw new IllegalArgumentException("a call without a case id cannot be paired");
        return new PairedCall(caseId, call.observation().repeatIndex(), call.variant(), call.pass() && call.observation().succeeded());
    }

    public Key key() {
        return new Key(caseId, repeat, variant);
    }

    /**
     * The case this call's input was derived from: a variant's id without its {@code ~<variant>} suffix, so
     * a case's variants resample together with it (their outcomes are as correlated as its repeats).
     */
    public String cluster() {
        String suffix = Variant.ID_SEPARATOR + variant;
        return variant != null && caseId.endsWith(suffix) ? caseId.substring(0, caseId.length() - suffix.length()) : caseId;
    }
}
