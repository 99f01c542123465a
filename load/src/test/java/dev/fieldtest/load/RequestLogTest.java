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
    void rowsFromManySendersAreAllOnDiskAsWholeLinesWhenCloseReturns() throws Exception {
        Path file = dir.resolve("requests.jsonl");
        int senders = 8, rowsEach = 5_000;
        try (RequestLog log = new RequestLog(file, Duration.ofMillis(50))) {
            Thread[] threads = new Thread[senders];
            for (int t = 0; t < senders; t++) {
                int id = t;
                threads[t] = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < rowsEach; i++) log.append("{\"sender\":" + id + ",\"i\":" + i + "}");
                });
            }
            for (Thread t : threads) t.join();
        }
        var lines = Files.readAllLines(file);
        assertThat(lines).hasSize(senders * rowsEach).allMatch(l -> l.matches("\\{\"sender\":\\d,\"i\":\\d+}"));
        // each sender's rows keep their order: the queue is first in, first out
        for (int t = 0; t < senders; t++) {
            String prefix = "{\"sender\":" + t + ",";
            assertThat(lines.stream().filter(l -> l.startsWith(prefix)).map(l -> Integer.parseInt(l.substring(l.indexOf("\"i\":") + 4, l.length() - 1))))
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, rowsEach).boxed().toList());
        }
    }

    @Test
    void anExistingFileIsNeverAppendedTo() throws Exception {
        Path file = Files.writeString(dir.resolve("requests.jsonl"), "old\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestLog(file, Duration.ofSeconds(1)))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("old\n");
    }
}
