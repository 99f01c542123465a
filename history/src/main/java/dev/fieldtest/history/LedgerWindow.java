package dev.fieldtest.history;

import java.time.LocalDate;

/**
 * A production value of a metric over one window (an ISO week, Monday to Sunday, UTC). Immutable.
 *
 * @param weekOf the window's Monday
 * @param n      the spans (or scored spans, for pass_rate) the value is computed from
 * @param lo     the 95 % Wilson interval's lower bound for a rate, else null
 * @param hi     its upper bound, or null
 */
public record LedgerWindow(LocalDate weekOf, long n, double value, Double lo, Double hi) {}
