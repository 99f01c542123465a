package dev.fieldtest.llama;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests find stories260K.gguf: the system property {@value #PROPERTY}, else the shared models folder
 * beside the repository (surefire runs in the module folder, so that is ../../shared/models). Tests that need it
 * are skipped, each with the reason, when it is absent: classes that share one target build it in
 * {@code @BeforeAll} only when {@link #present()} and call {@link #require()} before each test, so every skipped
 * test shows in the report (an assumption failing in {@code @BeforeAll} would hide them).
 */
final class TestModel {
    static final String PROPERTY = "fieldtest.llama.test-model";
    /** The model's SHA-256, as shared/models/README.md gives it. */
    static final String SHA256 = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";

    private TestModel() {}

    static Path path() {
        String configured = System.getProperty(PROPERTY);
        return Path.of(configured != null ? configured : "../../shared/models/stories260K.gguf").toAbsolutePath().normalize();
    }

    static boolean present() {
        return Files.isRegularFile(path());
    }

    /** The model file; skips the calling test when it is absent. */
    static Path require() {
        Path p = path();
        Assumptions.assumeTrue(Files.isRegularFile(p), "stories260K.gguf not found at " + p
                + "; put the shared models folder beside the repository or pass -D" + PROPERTY + "=/path/to/stories260K.gguf");
        return p;
    }
}
