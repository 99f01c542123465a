package dev.fieldtest.history;

import java.sql.Connection;
import java.sql.PreparedStatement;

/** Inserts production_spans rows with plain SQL (the history must be closed), independent of the ingestion code. */
final class ProductionScoresSpans {
    private ProductionScoresSpans() {}

    /** One span: started is UTC text such as 2026-11-23 10:00:00; error may be null. */
    static void insert(HistoryStore db, String trace, String span, String feature, String model, String started, String error, String input, String output)
            throws Exception {
        try (Connection c = StoreKind.connect(db);
             PreparedStatement p = c.prepareStatement("INSERT INTO production_spans (trace_id, span_id, feature, response_model, started_at, "
                     + "error_type, input_messages, output_messages, input_tokens, output_tokens, finish_reasons, attributes, ingested_at) "
                     + "VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, 12, 3, ARRAY['stop'], '{}', now())")) {
            p.setString(1, trace);
            p.setString(2, span);
            p.setString(3, feature);
            p.setString(4, model);
            p.setString(5, started);
            p.setString(6, error);
            p.setString(7, input);
            p.setString(8, output);
            p.executeUpdate();
        }
    }
}
