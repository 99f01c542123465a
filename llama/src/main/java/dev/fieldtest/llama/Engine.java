package dev.fieldtest.llama;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Names the llama.cpp binding in provenance, read from its jar without loading its native library. */
final class Engine {
    /** Such as {@code "llama.cpp via de.kherud:llama 4.2.0"}. */
    static final String DESCRIPTION = "llama.cpp via de.kherud:llama " + version();

    private Engine() {}

    private static String version() {
        // Reading a resource does not initialise LlamaModel, whose static block would load the native library here.
        try (InputStream in = Engine.class.getClassLoader().getResourceAsStream("META-INF/maven/de.kherud/llama/pom.properties")) {
            if (in == null) return "(version unknown)";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
