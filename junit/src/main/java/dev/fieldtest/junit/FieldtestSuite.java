package dev.fieldtest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a suite file once for the annotated test class (or for one test method) and hands the result to every
 * test method that declares a {@link dev.fieldtest.api.RunResult} parameter (docs/junit.md).
 * {@code ${NAME}} in the suite is read from a Java system property NAME, else from the environment.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(FieldtestExtension.class)
public @interface FieldtestSuite {
    /** The suite file: {@code classpath:suites/support.yaml} (a file on the test class path) or a path from the working directory. */
    String value();

    /** Where the run directory is made, as {@code <outDir>/<suite name>-<run id>}; relative to the working directory. */
    String outDir() default "target/fieldtest";
}
