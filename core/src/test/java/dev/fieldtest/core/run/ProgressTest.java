package dev.fieldtest.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static ScoredCall call(boolean pass, ErrorClass error, int throttled) {
        var o = new Observation("t", "c", 0, List.of(), error == null ? "x" : null, null, 1, null, null, 1, throttled, error, null, 0, null, null);
        return new ScoredCall("r", o, List.of(), List.of(), pass, null);
    }

    @Test
    void showsDoneOfTotalPassRateErrorsAndThrottling() {
        var bytes = new ByteArrayOutputStream();
        try (Progress p = new Progress(new PrintStream(bytes, true), 8, false, Duration.ofDays(1))) {
            p.onCall(call(true, null, 0));
            p.onCall(call(true, null, 2));
            p.onCall(call(false, null, 0));
            p.onCall(call(false, ErrorClass.TIMEOUT, 1));
            assertThat(p.line()).startsWith("4/8 (50%)  ").contains("calls/s", "pass 50.0%  errors 1  throttled 3").matches(".*ETA \\d+:\\d\\d.*");
        }
        assertThat(bytes.toString()).startsWith("4/8 (50%)");
    }
}
