package dev.fieldtest.history.internal;

import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import java.sql.Connection;
import java.sql.SQLException;

/** An open connection whose schema is at {@link Migrations#latest()}; closed again when that cannot be reached. */
public final class HistoryConnections {
    private HistoryConnections() {}

    public static Connection openMigrated(HistoryStore store) {
        Connection c = Database.open(store);
        try {
            Migrations.apply(c, store.display());
            return c;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof HistoryException h) throw h;
            throw new HistoryException(store.display() + ": cannot prepare the history database: " + e.getMessage(), e);
        }
    }
}
