package dev.fieldtest.junit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Finds the file {@link FieldtestSuite#value()} names: on the class path or on disk. */
final class SuiteLocation {
    static final String CLASSPATH = "classpath:";

    private SuiteLocation() {}

    static Path resolve(String value, ClassLoader loader) {
        if (!value.startsWith(CLASSPATH)) {
            Path p = Path.of(value);
            if (!Files.isRegularFile(p)) {
                throw new ExtensionConfigurationException("@FieldtestSuite(\"" + value + "\"): the suite file must exist, but " + p.toAbsolutePath()
                        + " does not; give a path from the working directory or classpath:path/on/the/test/classpath.yaml");
            }
            return p;
        }
        String name = value.substring(CLASSPATH.length()).replaceFirst("^/", "");
        URL url = loader.getResource(name);
        if (url == null) {
            throw new ExtensionConfigurationException("@FieldtestSuite(\"" + value + "\"): the suite must be on the test class path, but "
                    + name + " is not; put it under src/test/resources/" + name);
        }
        if (!"file".equals(url.getProtocol())) {
            // The loader reads the dataset beside the suite file, which needs a real folder.
            throw new ExtensionConfigurationException("@FieldtestSuite(\"" + value + "\"): the suite must be a file on disk, but is in " + url
                    + "; copy it out of the jar or give a path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new ExtensionConfigurationException("@FieldtestSuite(\"" + value + "\"): cannot read " + url, e);
        }
    }
}
