package dev.fieldtest.core.run;

import dev.fieldtest.core.ScoredCall;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a killed run stands: the rows of results.jsonl that were written whole, and the keys of the planned
 * calls they cover. A torn tail (bytes after the last newline, or a last line that does not parse: a write cut
 * short) is cut off the file, so the calls still missing append after whole rows; every byte before it is
 * left as it was. Refuses (IllegalArgumentException) a bad row before the tail, a row of another run, a key
 * outside the plan, or a key twice. Immutable.
 */
public record ResumePoint(List<ScoredCall> rows, Set<String> done, long keptBytes, int tornBytes) {
    public ResumePoint {
        rows = List.copyOf(rows);
        done = Set.copyOf(done);
    }

    public static ResumePoint open(Path results, String runId, List<PlannedCall> plan) throws IOException {
        if (!Files.exists(results)) return new ResumePoint(List.of(), Set.of(), 0, 0);
        byte[] bytes = Files.readAllBytes(results);
        Set<String> planned = new HashSet<>();
        plan.forEach(c -> planned.add(c.key()));
        List<ScoredCall> rows = new ArrayList<>();
        Set<String> done = new HashSet<>();
        int start = 0, line = 0;
        long kept = 0;
        for (int nl = indexOf(bytes, start); nl >= 0; nl = indexOf(bytes, start)) {
            line++;
            String text = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
            boolean last = indexOf(bytes, nl + 1) < 0;
            if (!text.isBlank()) {
                ScoredCall row;
                try {
                    row = ResultsCodec.decode(text);
                } catch (IllegalArgumentException e) {
                    if (last) break; // a whole line that does not parse at the very end is torn too (e.g. zero-filled after a crash)
                    throw new IllegalArgumentException(results + ":" + line + ": not a results row: " + e.getMessage(), e);
                }
                check(results, line, row, runId, planned, done);
                rows.add(row);
            }
            start = nl + 1;
            kept = start;
        }
        int torn = (int) (bytes.length - kept);
        if (torn > 0) truncate(results, kept);
        return new ResumePoint(rows, done, kept, torn);
    }

    private static void check(Path results, int line, ScoredCall row, String runId, Set<String> planned, Set<String> done) {
        var o = row.observation();
        String where = results + ":" + line + ": ";
        if (runId != null && !runId.equals(row.runId())) {
            throw new IllegalArgumentException(where + "the row belongs to run " + row.runId() + ", not " + runId);
        }
        String key = PlannedCall.key(o.targetId(), o.caseId(), o.repeatIndex());
        String call = "target " + o.targetId() + ", case " + o.caseId() + ", repeat " + o.repeatIndex();
        if (!planned.contains(key)) throw new IllegalArgumentException(where + "the call (" + call + ") is not in the suite's plan");
        if (!done.add(key)) throw new IllegalArgumentException(where + "the call (" + call + ") is recorded twice");
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
            ch.force(true);
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == '\n') return i;
        return -1;
    }

    /** The planned calls not yet in results.jsonl, in plan order. */
    public List<PlannedCall> missing(List<PlannedCall> plan) {
        return plan.stream().filter(c -> !done.contains(c.key())).toList();
    }
}
