package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Hand-written load.json files under src/test/resources/load. */
final class LoadFixtures {
    private LoadFixtures() {}

    static JsonNode read(String name) {
        try (InputStream in = LoadFixtures.class.getResourceAsStream("/load/" + name + ".json")) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
