package dev.fieldtest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogTest {
    @TempDir Path dir;

    @Test
    void anInterruptedWriterNeitherLosesItsRowNorBreaksTheLogForOthers() throws Exception {
        Path file = dir.resolve("requests.jsonl");
        try (RequestLog log = new RequestLog(file, Duration.ofMillis(10))) {
            Thread t = Thread.ofPlatform().start(() -> {
                Thread.currentThread().interrupt(); // as the step's drain does to a late call
                log.append("{\"n\":1}");
            });
            t.join();
            log.append("{\"n\":2}");
        }
        assertThat(Files.readAllLines(file)).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void anExistingFileIsNeverAppendedTo() throws Exception {
        Path file = Files.writeString(dir.resolve("requests.jsonl"), "old\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestLog(file, Duration.ofSeconds(1)))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("old\n");
    }
}
