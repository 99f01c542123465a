package dev.fieldtest.history.internal;

import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.run.ResultsCodec;
import dev.fieldtest.history.CallRow;
import dev.fieldtest.history.HistoryException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * results.jsonl into {@link CallRow}s, decoded by core's {@link ResultsCodec} so the columns mean what the summary
 * means. As when a run is summarised, a torn last line is skipped and a bad line elsewhere is an error naming it.
 */
final class ResultsReader {
    private ResultsReader() {}

    /** A missing file gives no calls: a run aborted before its first call may not have one. */
    static List<CallRow> read(Path file) {
        List<CallRow> rows = new ArrayList<>();
        String pendingError = null;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) continue;
                if (pendingError != null) throw new HistoryException(pendingError);
                try {
                    rows.add(row(ResultsCodec.decode(line), lineNo, line));
                } catch (IllegalArgumentException e) {
                    // Only the last line may be torn; decide once we know whether another follows.
                    pendingError = file + ":" + lineNo + ": " + e.getMessage() + "; this results file is damaged, so the run cannot be recorded";
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new HistoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static CallRow row(ScoredCall c, int lineNo, String line) {
        Observation o = c.observation();
        return new CallRow(c.runId(), lineNo, o.targetId(), o.caseId(), o.repeatIndex(), c.variant(), c.pass(),
                o.error() == null ? null : o.error().wireName(), o.latencyMs(), o.ttftMs(), o.costUsd(),
                o.usage() == null ? null : o.usage().inputTokens(), o.usage() == null ? null : o.usage().outputTokens(), c.tags(), line);
    }
}
