package dev.fieldtest.cli;

import dev.fieldtest.testkit.FakeOpenAiServer;
import dev.fieldtest.testkit.Responder;
import dev.fieldtest.testkit.RuleResponder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldtest stub-server}: a local endpoint that speaks the OpenAI chat-completions protocol (JSON,
 * streaming, usage, error shapes) and answers by rules, for dry runs of a suite. Binds 127.0.0.1 only.
 */
@Command(name = "stub-server", mixinStandardHelpOptions = true,
        description = "Serve OpenAI-compatible chat completions on 127.0.0.1, answering by rules (docs/cli.md).")
final class StubServerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8089", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--rules", paramLabel = "FILE", description = "YAML or JSON rules: match → reply, delay_ms, error. Without it, echoes.")
    Path rules;

    @Override
    public Integer call() throws Exception {
        Responder responder;
        try {
            responder = rules == null ? Responder.echo() : RuleResponder.load(rules);
        } catch (IllegalArgumentException e) {
            System.err.println("fieldtest: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start(port, responder)) {
            System.out.println("fieldtest stub-server: base_url " + server.baseUrl() + "  (Ctrl-C to stop)");
            System.out.flush();
            new CountDownLatch(1).await();
        }
        return Main.OK;
    }
}
