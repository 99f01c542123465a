package dev.fieldtest.chaos;

/** One entry of a plan: its position (0-based, as logged), when it applies and what it does. Immutable. */
public record Fault(int index, Trigger trigger, Action action) {}
