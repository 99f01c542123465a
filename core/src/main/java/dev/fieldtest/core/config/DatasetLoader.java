package dev.fieldtest.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.fieldtest.core.Case;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads cases from a dataset file: JSONL (one {@code {id, vars, expected, tags}} object per line) or CSV
 * (a header row; columns {@code id}, {@code expected} and {@code tags} — tags separated by {@code |} —
 * and every other column a variable). Every problem is reported with its file:line:column.
 */
public final class DatasetLoader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final CsvMapper CSV = new CsvMapper();

    private DatasetLoader() {}

    /** The cases in {@code file}; problems are added to {@code problems}, and the cases read so far returned. */
    public static List<Case> load(Path file, Problems problems) {
        return load(file, Location.of(file), problems);
    }

    /**
     * As {@link #load(Path, Problems)}, but a file that is missing, not a file or of unknown format is reported at
     * {@code declaredAt} (the suite's {@code dataset:} line), naming the file: the fix is there.
     */
    public static List<Case> load(Path file, Location declaredAt, Problems problems) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String named = declaredAt.file() != null && declaredAt.file().equals(file) ? "" : ": " + file;
        if (!Files.isRegularFile(file)) {
            problems.add(declaredAt, "dataset file not found" + named, "check the path; it is relative to the suite file");
            return List.of();
        }
        try {
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return jsonl(file, problems);
            if (name.endsWith(".csv")) return csv(file, problems);
        } catch (JsonProcessingException e) {
            Location at = ConfigNode.at(e.getLocation(), file);
            // The CSV parser gives no position (-1) for an empty header line, which is the file's first line.
            problems.add(at.line() < 1 ? new Location(file, 1, 1) : at, "not valid " + (name.endsWith(".csv") ? "CSV" : "JSON")
                    + ": " + e.getOriginalMessage(), "fix the syntax at this position");
            return List.of();
        } catch (java.io.CharConversionException e) {
            // The CSV reader reports bad UTF-8 without a position: find the first bad byte ourselves.
            problems.addAll(Utf8.problem(file).orElseThrow(() -> new ConfigException(Location.of(file),
                    "cannot read the dataset: " + e.getMessage(), "save the file as UTF-8")));
            return List.of();
        } catch (IOException e) {
            problems.add(Location.of(file), "cannot read the dataset: " + e.getMessage(), "check the file's permissions");
            return List.of();
        }
        problems.add(declaredAt, "unknown dataset format" + named, "use a .jsonl (one JSON object per line) or .csv file");
        return List.of();
    }

    private static List<Case> jsonl(Path file, Problems problems) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            while (p.nextToken() != null) {
                Case c = CaseReader.read(ConfigNode.read(p, file, ""), problems);
                if (c != null) cases.add(c);
            }
        }
        return cases;
    }

    private static List<Case> csv(Path file, Problems problems) throws IOException {
        List<Case> cases = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (CsvParser p = (CsvParser) CSV.getFactory().createParser(file.toFile())) {
            p.setSchema(schema);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                ConfigNode row = ConfigNode.read(p, file, "");
                Case c = csvCase(row, problems);
                if (c != null) cases.add(c);
            }
        }
        return cases;
    }

    private static Case csvCase(ConfigNode row, Problems problems) {
        // The CSV parser places a row's start at the header; the row's first value knows the row's own line.
        Location at = row.fields().values().stream().findFirst().map(ConfigNode::location).orElse(row.location());
        String id = row.get("id").map(n -> String.valueOf(n.scalar()).trim()).orElse("");
        if (id.isEmpty()) {
            problems.add(at, "this row has no id", "add an \"id\" column with a unique value in every row");
            return null;
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        row.fields().forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("expected") && !k.equals("tags")) vars.put(k, v.scalar());
        });
        String expected = row.get("expected").map(n -> String.valueOf(n.scalar())).filter(s -> !s.isEmpty()).orElse(null);
        List<String> tags = row.get("tags").map(n -> Arrays.stream(String.valueOf(n.scalar()).split("\\|"))
                .map(String::trim).filter(t -> !t.isEmpty()).toList()).orElse(List.of());
        return new Case(id, vars, expected, tags, at);
    }
}
