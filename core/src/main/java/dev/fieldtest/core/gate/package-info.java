/**
 * Behavioural properties as gates: after summary.json exists, every property of the suite is evaluated
 * against it, per target where its metric path has a {@code *} under {@code targets}, as pass, fail or
 * missing. The results go into summary.json ({@code properties}), report.md, junit.xml and the exit code
 * (docs/ci.md).
 */
package dev.fieldtest.core.gate;
