package dev.fieldtest.core;

/**
 * A judge's preference between two targets' answers to the same case and repeat. {@code winner} is a
 * target id, or null for a tie or when no preference could be read ({@code measured} false). Immutable.
 *
 * @param usage   the judge's tokens; null when it reported none
 * @param costUsd what the judge's call cost
 */
public record Preference(String caseId, int repeatIndex, String targetA, String targetB, String winner, boolean tie,
                         boolean measured, String reason, Usage usage, double costUsd) {
    public Preference {
        if (winner != null && !winner.equals(targetA) && !winner.equals(targetB)) {
            throw new IllegalArgumentException("winner must be " + targetA + " or " + targetB + ", but was " + winner);
        }
        if (!measured && (winner != null || tie)) throw new IllegalArgumentException("an unmeasured preference has no winner");
    }
}
