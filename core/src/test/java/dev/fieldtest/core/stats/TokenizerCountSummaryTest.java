package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerCountSummaryTest {
    private static ScoredCall call(Usage usage) {
        var o = new Observation("t", "c", 0, List.of(Message.user("q")), "a", usage, 10, null, null, 1, 0, null, null, 0, null, null);
        return new ScoredCall("r", o, List.of(), List.of(), true, null);
    }

    @Test
    void summaryCountsCallsWhoseTokensTheTokenizerCounted() {
        TargetAggregate a = new TargetAggregate("t");
        a.add(call(new Usage(10, 2)));
        a.add(call(new Usage(4, 3, 0, 0, Usage.Source.TOKENIZER)));
        a.add(call(new Usage(5, 1, 0, 0, Usage.Source.TOKENIZER)));
        a.add(call(null));
        TargetAggregate other = new TargetAggregate("t");
        other.add(call(new Usage(1, 1, 0, 0, Usage.Source.TOKENIZER)));
        a.merge(other);

        ObjectNode tokens = (ObjectNode) TargetSummaryJson.render(a, 1).get("tokens");
        assertThat(tokens.toString()).isEqualTo("{\"input\":20,\"output\":7,\"calls_counted_by_tokenizer\":3}");
    }

    @Test
    void providerOnlyRunsKeepTheOldShape() {
        TargetAggregate a = new TargetAggregate("t");
        a.add(call(new Usage(10, 2)));
        assertThat(TargetSummaryJson.render(a, 1).get("tokens").toString()).isEqualTo("{\"input\":10,\"output\":2}");
    }
}
