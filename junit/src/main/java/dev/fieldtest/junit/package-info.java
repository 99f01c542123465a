/**
 * The JUnit 5 extension ({@code @FieldtestSuite}) and AssertJ-style assertions over a run
 * ({@code FieldtestAssertions.assertThat(result)}); see docs/junit.md.
 */
package dev.fieldtest.junit;
