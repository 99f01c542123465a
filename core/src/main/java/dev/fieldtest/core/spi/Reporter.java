package dev.fieldtest.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ScoredCall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one report of a finished run into its directory, from summary.json and the results rows. Runs
 * after both are durably on disk, so a failing reporter never costs a result. Must escape model output
 * for its format.
 */
public interface Reporter {
    /** The file name it writes, such as {@code report.md}. */
    String fileName();

    void write(Path runDir, JsonNode summary, List<ScoredCall> rows) throws IOException;
}
