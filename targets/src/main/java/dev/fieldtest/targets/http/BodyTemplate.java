package dev.fieldtest.targets.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.config.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request body of a {@code type: http} target: a {@link Template} whose placeholders are JSON values, so a
 * rendered body is valid JSON whatever the case's text holds: {@code {{prompt}}} (the last user message as a JSON
 * string), {@code {{system}}} (the system messages joined by a blank line, as a JSON string) and
 * {@code {{messages}}} (a JSON array of {role, content}). Immutable and thread-safe.
 */
record BodyTemplate(Template template) {
    static final Set<String> NAMES = Set.of("prompt", "system", "messages");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The placeholders filled in; each value is JSON text. */
    static Map<String, String> variables(List<Message> messages) {
        String prompt = "";
        List<String> system = new ArrayList<>();
        List<Map<String, String>> all = new ArrayList<>();
        for (Message m : messages) {
            if (m.role().equals("user")) prompt = m.content();
            if (m.role().equals("system")) system.add(m.content());
            Map<String, String> one = new LinkedHashMap<>();
            one.put("role", m.role());
            one.put("content", m.content());
            all.add(one);
        }
        return Map.of("prompt", json(prompt), "system", json(String.join("\n\n", system)), "messages", json(all));
    }

    byte[] render(List<Message> messages) {
        return template.render(variables(messages)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and lists of strings always serialize", e);
        }
    }
}
