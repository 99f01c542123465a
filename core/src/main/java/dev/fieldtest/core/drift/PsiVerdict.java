package dev.fieldtest.core.drift;

/**
 * The usual rule of thumb for PSI (a convention from credit scoring, not a statistical test): below 0.1 stable,
 * 0.1 to 0.25 moderate, above 0.25 a shift. Bounds in {@link dev.fieldtest.core.config.Defaults}.
 */
public enum PsiVerdict {
    STABLE("stable"), MODERATE("moderate"), SHIFT("shift");

    private final String wireName;

    PsiVerdict(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static PsiVerdict of(double psi) {
        if (psi < dev.fieldtest.core.config.Defaults.DRIFT_PSI_MODERATE) return STABLE;
        return psi <= dev.fieldtest.core.config.Defaults.DRIFT_PSI_SHIFT ? MODERATE : SHIFT;
    }
}
