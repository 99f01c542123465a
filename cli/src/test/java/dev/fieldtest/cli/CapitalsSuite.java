package dev.fieldtest.cli;

import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The capitals suite the command tests run: {@code server} answers France and Japan right and Italy wrong, so 2 of 3 calls pass. */
final class CapitalsSuite {
    private CapitalsSuite() {}

    /** Writes DIR/suite.yaml against {@code server}, with {@code moreYaml} (whole lines, or "") appended. */
    static Path write(Path dir, FakeOpenAiServer server, String moreYaml) throws IOException {
        server.respondWith(r -> Behavior.reply(r.lastUserMessage().contains("Italy") ? "Milan" : r.lastUserMessage().contains("France") ? "Paris" : "Tokyo"));
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: capitals
                prompt: "Capital of {{country}}?"
                cases:
                  - {id: a, vars: {country: France}, expected: Paris}
                  - {id: b, vars: {country: Italy}, expected: Rome}
                  - {id: c, vars: {country: Japan}, expected: Tokyo}
                targets:
                  - {id: m, type: openai, base_url: "%s", model: m-1, backoff: 1ms}
                checks: [{type: icontains, value: '{{expected}}'}]
                """.formatted(server.baseUrl()) + moreYaml);
    }
}
