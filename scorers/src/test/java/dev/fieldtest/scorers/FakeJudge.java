package dev.fieldtest.scorers;

import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** Base of tests whose checks grade with judge {@code j1}: a real openai target on a fresh loopback fake server per test. */
abstract class FakeJudge {
    final FakeOpenAiServer server = FakeOpenAiServer.start();
    final Target j1 = Judges.target(server, "j1", "judge-model");
    final Map<String, Target> judges = Map.of("j1", j1);

    @AfterEach
    void stopJudge() {
        j1.close();
        server.close();
    }
}
