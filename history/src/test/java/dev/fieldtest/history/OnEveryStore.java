package dev.fieldtest.history;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store conformance kit's base: a subclass's tests run once on a DuckDB file and once on a PostgreSQL database
 * ({@link StoreKind}), each test on a fresh, empty store {@link #db} (files under {@link #dir}).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
abstract class OnEveryStore {
    @Parameter StoreKind store;
    @TempDir Path dir;
    HistoryStore db;

    @BeforeEach
    void freshStore() {
        db = store.fresh(dir);
    }
}
