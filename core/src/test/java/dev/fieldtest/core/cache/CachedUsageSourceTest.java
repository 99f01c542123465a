package dev.fieldtest.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedUsageSourceTest {
    @TempDir Path dir;

    @Test
    void aReplayedCallKeepsItsCacheTokensAndWhoCountedThem() throws Exception {
        CallRequest request = new CallRequest("c", 0, List.of(Message.user("q")));
        ResponseCache cache = new ResponseCache(dir);
        Usage anthropic = new Usage(100, 50, 1000, 2000, Usage.Source.PROVIDER);
        Usage counted = new Usage(4, 2, 0, 0, Usage.Source.TOKENIZER);
        cache.put("k1", new Observation("t", "c", 0, request.messages(), "a", anthropic, 1, null, null, 1, 0, null, null, 0, null, null));
        cache.put("k2", new Observation("t", "c", 0, request.messages(), "a", counted, 1, null, null, 1, 0, null, null, 0, null, null));

        assertThat(cache.get("k1", "t", request)).get().extracting(Observation::usage).isEqualTo(anthropic);
        assertThat(cache.get("k2", "t", request)).get().extracting(Observation::usage).isEqualTo(counted);
    }
}
