package dev.fieldtest.history.internal;

import dev.fieldtest.history.HistoryException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** An open connection whose schema is at {@link Migrations#latest()}; closed again when that cannot be reached. */
public final class HistoryConnections {
    private HistoryConnections() {}

    public static Connection openMigrated(Path file) {
        Connection c = Database.open(file);
        try {
            Migrations.apply(c, file);
            return c;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof HistoryException h) throw h;
            throw new HistoryException(file + ": cannot prepare the history database: " + e.getMessage(), e);
        }
    }
}
