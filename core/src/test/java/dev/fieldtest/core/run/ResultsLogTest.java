package dev.fieldtest.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLogTest {
    @TempDir Path dir;

    static ScoredCall row(String caseId, boolean pass) {
        var o = new Observation("gpt", caseId, 2, List.of(new Message("system", "s"), Message.user("q \"quoted\" <b>")), "answer\nline 2",
                new Usage(10, 5), 123.5, 40.25, List.of(40.25, 60.0), 2, 1, null, null, 0.00075, "stop", "gpt-x");
        return new ScoredCall("run-1", o, List.of(new Verdict("c", pass, pass ? null : "nope")), List.of("a", "b"), pass, 0.9);
    }

    @Test
    void everyFieldSurvivesARoundTrip() {
        ScoredCall original = row("c1", false);
        assertThat(ResultsCodec.decode(ResultsCodec.encode(original))).isEqualTo(original);
        var failed = new Observation("gpt", "c2", 0, List.of(), null, null, 5000, null, null, 4, 4, ErrorClass.THROTTLED, "HTTP 429", 0, null, null);
        ScoredCall f = new ScoredCall("run-1", failed, List.of(), List.of(), false, null);
        assertThat(ResultsCodec.decode(ResultsCodec.encode(f))).isEqualTo(f);
    }

    @Test
    void rowsAreNamedAsDocumented() {
        String line = ResultsCodec.encode(row("c1", true));
        assertThat(line).startsWith("{\"run_id\":\"run-1\",\"target\":\"gpt\",\"case_id\":\"c1\",\"repeat\":2,")
                .contains("\"tokens\":{\"input\":10,\"output\":5}", "\"latency_ms\":123.5", "\"ttft_ms\":40.25", "\"attempts\":2",
                        "\"throttled\":1", "\"error\":null", "\"cost_usd\":7.5E-4", "\"pass\":true", "\"confidence\":0.9");
    }

    @Test
    void appendsWholeLinesAndSkipsATornLastLine() throws IOException {
        Path file = dir.resolve("results.jsonl");
        try (ResultsLog log = new ResultsLog(file, 2, Duration.ofSeconds(1))) {
            log.append(row("c1", true));
            log.append(row("c2", false));
            log.append(row("c3", true));
        }
        Files.writeString(file, "{\"run_id\":\"run-1\",\"target\":\"g", StandardOpenOption.APPEND); // killed mid-write
        assertThat(ResultsLog.readAll(file)).extracting(s -> s.observation().caseId()).containsExactly("c1", "c2", "c3");
    }

    @Test
    void anInterruptedWriterNeitherLosesItsRowNorBreaksTheLogForOthers() throws Exception {
        Path file = dir.resolve("results.jsonl");
        try (ResultsLog log = new ResultsLog(file, 1, Duration.ofSeconds(1))) {
            Thread t = Thread.ofPlatform().start(() -> {
                Thread.currentThread().interrupt(); // as an abort does to a call in flight
                try {
                    log.append(row("c1", true));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            t.join();
            log.append(row("c2", true));
        }
        assertThat(ResultsLog.readAll(file)).extracting(s -> s.observation().caseId()).containsExactly("c1", "c2");
    }

    @Test
    void aBadLineInTheMiddleIsAnErrorNamingTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("results.jsonl"), ResultsCodec.encode(row("c1", true)) + "\n{oops\n"
                + ResultsCodec.encode(row("c2", true)) + "\n");
        assertThatThrownBy(() -> ResultsLog.readAll(file)).hasMessageContaining("results.jsonl:2:");
    }

    @Test
    void secretsAreRedactedFromWrittenText() {
        Secrets.register("sk-live-abcdef123");
        var o = new Observation("t", "c", 0, List.of(Message.user("key sk-live-abcdef123")), null, null, 1, null, null, 1, 0,
                ErrorClass.CLIENT_ERROR, "HTTP 401: bad key sk-live-abcdef123", 0, null, null);
        String line = ResultsCodec.encode(new ScoredCall("r", o, List.of(), List.of(), false, null));
        assertThat(line).doesNotContain("sk-live-abcdef123").contains("[REDACTED]");
    }
}
