package dev.fieldtest.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.spi.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a killed run's results.jsonl: which calls are done, and what is cut off as torn. */
class ResumePointTest {
    @TempDir Path dir;

    private static final Target T = new Target() {
        public String id() { return "t"; }
        public Observation call(CallRequest r) { throw new UnsupportedOperationException(); }
        public Map<String, Object> describe() { return Map.of(); }
    };

    /** Cases c0..c3, one repeat: 4 planned calls. */
    private static List<PlannedCall> plan() {
        List<PlannedCall> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) calls.add(new PlannedCall(T, new Case("c" + i, Map.of(), null, List.of(), Location.of(null)), 0, List.of(Message.user("hi"))));
        return calls;
    }

    private static String row(String runId, String caseId) {
        Observation o = new Observation("t", caseId, 0, List.of(Message.user("hi")), "ok", null, 1, null, null, 1, 0, null, null, 0, null, null);
        return ResultsCodec.encode(new ScoredCall(runId, o, List.of(), List.of(), true, null)) + "\n";
    }

    @Test
    void aZeroFilledLastLineIsTornAndCutOffLeavingTheWholeRows() throws Exception {
        String whole = row("r", "c0") + row("r", "c2");
        Path f = Files.writeString(dir.resolve("results.jsonl"), whole + "\0\0\0\0\0\n");

        ResumePoint p = ResumePoint.open(f, "r", plan());

        assertThat(p.done()).hasSize(2);
        assertThat(p.tornBytes()).isEqualTo(6);
        assertThat(Files.readString(f)).isEqualTo(whole);
        assertThat(p.missing(plan())).extracting(c -> c.testCase().id()).containsExactly("c1", "c3");
    }

    @Test
    void anEmptyOrMissingFileMeansNothingIsDone() throws Exception {
        Path f = dir.resolve("results.jsonl");
        assertThat(ResumePoint.open(f, "r", plan()).missing(plan())).hasSize(4);
        assertThat(Files.exists(f)).isFalse();
    }

    @Test
    void aBadRowBeforeTheEndOrARowOfAnotherRunIsRefusedWithItsLine() throws Exception {
        Path f = Files.writeString(dir.resolve("results.jsonl"), row("r", "c0") + "{not json\n" + row("r", "c1"));
        assertThatThrownBy(() -> ResumePoint.open(f, "r", plan())).hasMessageContaining("results.jsonl:2: not a results row");
        byte[] before = Files.readAllBytes(f);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);

        Path g = Files.writeString(dir.resolve("other.jsonl"), row("r", "c0") + row("q", "c1"));
        assertThatThrownBy(() -> ResumePoint.open(g, "r", plan())).hasMessageContaining("other.jsonl:2: the row belongs to run q, not r");
        Path h = Files.writeString(dir.resolve("outside.jsonl"), row("r", "c9"));
        assertThatThrownBy(() -> ResumePoint.open(h, "r", plan())).hasMessageContaining("outside.jsonl:1: the call (target t, case c9, repeat 0) is not in the suite's plan");
    }

    @Test
    void multiByteTextBeforeATornTailIsKeptByteForByte() throws Exception {
        String whole = row("r", "c0").replace("\"ok\"", "\"żółć 日本 ✓\"");
        Path f = dir.resolve("results.jsonl");
        Files.write(f, (whole + "{\"run_id\":\"r\",\"targ").getBytes(StandardCharsets.UTF_8));

        ResumePoint p = ResumePoint.open(f, "r", plan());

        assertThat(p.tornBytes()).isEqualTo(19);
        assertThat(Files.readAllBytes(f)).isEqualTo(whole.getBytes(StandardCharsets.UTF_8));
        assertThat(p.rows().get(0).observation().output()).isEqualTo("żółć 日本 ✓");
    }
}
