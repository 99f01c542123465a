package dev.fieldtest.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageSourceRowTest {
    private static ScoredCall row(Usage usage) {
        var o = new Observation("claude", "c1", 0, List.of(Message.user("q")), "a", usage, 10, null, null, 1, 0, null, null, 0, "end_turn", "m");
        return new ScoredCall("run-1", o, List.of(), List.of(), true, null);
    }

    @Test
    void cacheTokensAndTheTokenizerSourceAreWrittenAndReadBack() throws Exception {
        ScoredCall call = row(new Usage(100, 50, 1000, 2000, Usage.Source.PROVIDER));
        JsonNode r = new ObjectMapper().readTree(ResultsCodec.encode(call));
        assertThat(r.path("tokens").toString()).isEqualTo("{\"input\":100,\"output\":50,\"cache_write\":1000,\"cache_read\":2000}");
        assertThat(r.path("usage_source").asText()).isEqualTo("provider");
        assertThat(ResultsCodec.decode(ResultsCodec.encode(call))).isEqualTo(call);

        ScoredCall counted = row(new Usage(7, 3, 0, 0, Usage.Source.TOKENIZER));
        JsonNode t = new ObjectMapper().readTree(ResultsCodec.encode(counted));
        assertThat(t.path("tokens").toString()).isEqualTo("{\"input\":7,\"output\":3}");
        assertThat(t.path("usage_source").asText()).isEqualTo("tokenizer");
        assertThat(ResultsCodec.decode(ResultsCodec.encode(counted)).observation().usage().source()).isEqualTo(Usage.Source.TOKENIZER);
    }

    @Test
    void aRowWithoutUsageHasNoSourceAndOldRowsReadAsProvider() {
        assertThat(ResultsCodec.encode(row(null))).doesNotContain("usage_source");
        String old = ResultsCodec.encode(row(new Usage(1, 2))).replace(",\"usage_source\":\"provider\"", "");
        assertThat(ResultsCodec.decode(old).observation().usage()).isEqualTo(new Usage(1, 2, 0, 0, Usage.Source.PROVIDER));
    }

    @Test
    void aSumWithAnyTokenizerCountIsATokenizerCount() {
        Usage sum = new Usage(1, 2).plus(new Usage(3, 4, 5, 6, Usage.Source.TOKENIZER));
        assertThat(sum).isEqualTo(new Usage(4, 6, 5, 6, Usage.Source.TOKENIZER));
    }
}
