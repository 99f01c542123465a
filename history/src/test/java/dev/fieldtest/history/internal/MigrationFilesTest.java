package dev.fieldtest.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationFilesTest {
    @Test
    void theMigrationListIsEveryResourceInOrderNumberedOneToN() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/dev/fieldtest/history/migrations"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(Migrations.FILES);
        }
        for (int i = 0; i < Migrations.FILES.size(); i++) assertThat(Migrations.version(Migrations.FILES.get(i))).isEqualTo(i + 1);
        assertThat(Migrations.latest()).isEqualTo(5);
    }
}
