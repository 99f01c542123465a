package dev.fieldtest.targets.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waits between attempts, observed through an injected sleeper instead of the clock. */
class SleeperTest {
    @Test
    void waitsRetryAfterWhenGivenAndJitteredBackoffOtherwise() throws Exception {
        List<Duration> waits = new ArrayList<>();
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.enqueue(new Behavior.Throttle(7), new Behavior.Throttle(null), new Behavior.ServerError(500), Behavior.reply("ok"));
            String yaml = "base_url: " + server.baseUrl() + "\nmodel: m\nbackoff: 100ms\nbackoff_max: 10s\n";
            Problems problems = new Problems();
            OpenAiSettings settings = OpenAiSettings.read(new TargetSpec("t", "openai",
                    ConfigNode.read(new YAMLFactory().createParser(yaml), Path.of("suite.yaml"), "targets[0]"), Path.of(".")),
                    new Env(Map.of()), problems);
            problems.throwIfAny();
            Observation o;
            try (OpenAiTarget target = new OpenAiTarget(settings, waits::add)) {
                o = target.call(new CallRequest("c", 0, List.of(Message.user("q"))));
            }

            assertThat(o.output()).isEqualTo("ok");
            assertThat(o.attempts()).isEqualTo(4);
            assertThat(o.throttled()).isEqualTo(2);
        }
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(7));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)); // retry 2: 200 ms, jittered
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }
}
