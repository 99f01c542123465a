package dev.fieldtest.history.internal;

import dev.fieldtest.history.ProductionInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL behind {@code dev.fieldtest.history.ProductionInputs}: reads of {@code production_spans} only. */
public final class ProductionInputQueries {
    private ProductionInputQueries() {}

    public static List<ProductionInput> read(Connection c, String feature, Instant since, Instant until) throws SQLException {
        String sql = "SELECT trace_id, span_id, feature, " + Dialect.of(c).epochMicros("started_at") + " AS started_us, input_messages FROM production_spans"
                + " WHERE (CAST(? AS VARCHAR) IS NULL OR feature = ?)"
                + " AND (CAST(? AS TIMESTAMP) IS NULL OR started_at >= CAST(? AS TIMESTAMP))"
                + " AND (CAST(? AS TIMESTAMP) IS NULL OR started_at < CAST(? AS TIMESTAMP))"
                + " ORDER BY started_at, trace_id, span_id";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            String from = Sql.timestamp(since), to = Sql.timestamp(until);
            Sql.setString(p, 1, feature);
            Sql.setString(p, 2, feature);
            Sql.setString(p, 3, from);
            Sql.setString(p, 4, from);
            Sql.setString(p, 5, to);
            Sql.setString(p, 6, to);
            return Sql.list(c, p, r -> new ProductionInput(r.getString("trace_id"), r.getString("span_id"), r.getString("feature"),
                    Sql.instant(r, "started_us"), r.getString("input_messages")));
        }
    }

    public static List<String> features(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT feature FROM production_spans ORDER BY feature");
             ResultSet r = p.executeQuery()) {
            while (r.next()) names.add(r.getString(1));
        }
        return names;
    }
}
