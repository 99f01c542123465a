package dev.fieldtest.embedded.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a knowledge base: JSONL, one {@code {"id", "question", "answer", "topic"}} object per line (topic
 * optional, the rest non-blank texts, ids unique). Every bad entry is reported at its file:line:column and
 * reading goes on, so one run shows every problem. Internal, not API. Stateless.
 */
public final class KnowledgeBaseReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> KEYS = Set.of("id", "question", "answer", "topic");

    private KnowledgeBaseReader() {}

    /** The valid entries of {@code file} (which must exist); problems go to {@code problems}. */
    public static List<KbEntry> read(Path file, Problems problems) {
        List<KbEntry> entries = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            while (p.nextToken() != null) {
                KbEntry e = entry(ConfigNode.read(p, file, ""), problems);
                if (e != null) entries.add(e);
            }
        } catch (JsonProcessingException e) {
            problems.add(at(e, file), "not valid JSON: " + e.getOriginalMessage(), "write one JSON object per line");
        } catch (IOException e) {
            problems.add(Location.of(file), "cannot read the knowledge base: " + e.getMessage(), "check the file's permissions");
        }
        Map<String, KbEntry> seen = new HashMap<>();
        for (KbEntry e : entries) {
            KbEntry first = seen.putIfAbsent(e.id(), e);
            if (first != null) {
                problems.add(e.location(), "knowledge-base id \"" + e.id() + "\" is used twice (first at " + first.location() + ")",
                        "give every entry its own id: answers name it as their source");
            }
        }
        return entries;
    }

    private static KbEntry entry(ConfigNode row, Problems problems) {
        if (!row.isMap()) {
            problems.add(row.location(), "a knowledge-base entry must be a JSON object with id, question and answer, but was " + row.describe(),
                    "write it as {\"id\": \"reset-password\", \"question\": \"...\", \"answer\": \"...\", \"topic\": \"account\"}");
            return null;
        }
        Problems mine = new Problems();
        row.fields().forEach((key, value) -> {
            if (!KEYS.contains(key)) {
                mine.add(value.keyLocation(), "unknown key '" + key + "' in a knowledge-base entry", "the keys are id, question, answer and topic");
            }
        });
        String id = text(row, "id", true, mine);
        String question = text(row, "question", true, mine);
        String answer = text(row, "answer", true, mine);
        String topic = text(row, "topic", false, mine);
        problems.addAll(mine);
        return mine.isEmpty() ? new KbEntry(id, question, answer, topic, row.location()) : null;
    }

    private static String text(ConfigNode row, String key, boolean required, Problems problems) {
        ConfigNode n = row.get(key).orElse(null);
        if (n == null) {
            if (required) problems.add(row.location(), "this knowledge-base entry has no " + key, "add \"" + key + "\": \"...\"");
            return null;
        }
        if (!n.isString()) {
            problems.add(n.location(), key + " must be a text, but was " + n.describe(), null);
            return null;
        }
        String s = (String) n.scalar();
        if (required && s.isBlank()) {
            problems.add(n.location(), key + " must not be blank", "write the " + key + ", or remove the entry");
            return null;
        }
        return s;
    }

    private static Location at(JsonProcessingException e, Path file) {
        var l = e.getLocation();
        return l == null ? Location.of(file) : new Location(file, l.getLineNr(), l.getColumnNr());
    }
}
