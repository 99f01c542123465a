package dev.fieldtest.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.run.ResultsCodec;
import dev.fieldtest.core.stats.TargetAggregate;
import dev.fieldtest.core.stats.TargetSummaryJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cached call on its way through results.jsonl and into summary.json's cached_calls. */
class CachedRowsTest {
    private static ScoredCall call(String caseId, boolean cached) {
        Observation o = new Observation("m", caseId, 0, List.of(new Message("user", "q")), "a", null, 100, null, List.of(), 1, 0,
                null, null, 0.001, "stop", null, cached);
        return new ScoredCall("r", o, List.of(), List.of(), true, null);
    }

    @Test
    void aCachedRowSaysSoAndAMadeCallsRowHasNoCachedField() {
        String cached = ResultsCodec.encode(call("a", true));
        String made = ResultsCodec.encode(call("b", false));
        assertThat(cached).contains("\"cached\":true");
        assertThat(made).doesNotContain("cached");
        assertThat(ResultsCodec.decode(cached).observation().cached()).isTrue();
        assertThat(ResultsCodec.decode(made).observation().cached()).isFalse();
    }

    @Test
    void cachedCallsAddUpOverMergedAggregates() {
        TargetAggregate left = new TargetAggregate("m");
        left.add(call("a", true));
        left.add(call("b", false));
        TargetAggregate right = new TargetAggregate("m");
        right.add(call("c", true));
        left.merge(right);
        assertThat(left.calls()).isEqualTo(3);
        assertThat(left.cachedCalls()).isEqualTo(2);
        assertThat(TargetSummaryJson.render(left, 1).path("cached_calls").asLong()).isEqualTo(2);
        assertThat(TargetSummaryJson.render(new TargetAggregate("m"), 1).path("cached_calls").asLong()).isZero();
    }
}
