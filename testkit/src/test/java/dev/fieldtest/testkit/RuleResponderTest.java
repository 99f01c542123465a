package dev.fieldtest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleResponderTest {
    private static final String RULES = """
            default_reply: "no rule for: {{input}}"
            rules:
              - match: "capital of (\\\\w+)"
                reply: "The capital of {{1}} is {{1}}-city ({{0}})."
                delay_ms: 20
              - match: "(?i)busy"
                error: throttled
                retry_after: 2
              - match: "broken"
                error: server_error
                status: 502
              - match: "slow"
                error: timeout
                delay_ms: 1500
            """;

    @Test
    void firstMatchingRuleAnswersWithGroupsFilledIn() {
        RuleResponder rules = RuleResponder.parse(RULES, "rules.yaml");

        Behavior b = rules.respond(request("What is the capital of Peru?"));
        assertThat(b).isEqualTo(Behavior.reply("The capital of Peru is Peru-city (capital of Peru).").withDelay(Duration.ofMillis(20)));
        assertThat(rules.respond(request("hello"))).isEqualTo(Behavior.reply("no rule for: hello"));
        assertThat(rules.respond(request("Are you BUSY"))).isEqualTo(new Behavior.Throttle(2));
        assertThat(rules.respond(request("broken"))).isEqualTo(new Behavior.ServerError(502));
        assertThat(rules.respond(request("slow"))).isEqualTo(new Behavior.Stall(Duration.ofMillis(1500)));
    }

    @Test
    void readsAJsonListOfRulesFromAFileAndEchoesByDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, "[{\"match\": \"^ping$\", \"reply\": \"pong\"}, {\"match\": \"cut\", \"error\": \"truncated_stream\"}]");
        RuleResponder rules = RuleResponder.load(file);

        assertThat(rules.respond(request("ping"))).isEqualTo(Behavior.reply("pong"));
        assertThat(rules.respond(request("cut"))).isInstanceOf(Behavior.CutStream.class);
        assertThat(rules.respond(request("other"))).isEqualTo(Behavior.reply("echo: other"));
    }

    @Test
    void servesRulesOverHttp() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(0, RuleResponder.parse(RULES, "rules.yaml"))) {
            JsonNode body = Http.json(Http.chat(server, Http.body("capital of Chile", false, false)).body());
            assertThat(body.at("/choices/0/message/content").asText()).startsWith("The capital of Chile is Chile-city");
            assertThat(Http.chat(server, Http.body("busy", false, false)).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void badRulesNameTheFileTheRuleAndTheFix() {
        assertThatThrownBy(() -> RuleResponder.parse("- match: a\n  replly: b\n", "r.yaml"))
                .hasMessageContaining("r.yaml: unknown key 'replly' in rule 1").hasMessageContaining("reply");
        assertThatThrownBy(() -> RuleResponder.parse("- match: '(a'\n  reply: b\n", "r.yaml"))
                .hasMessageContaining("rule 1.match is not a valid regular expression");
        assertThatThrownBy(() -> RuleResponder.parse("- match: a\n  reply: '{{1}}'\n", "r.yaml"))
                .hasMessageContaining("uses {{1}} but the regex has only 0 group(s)");
        assertThatThrownBy(() -> RuleResponder.parse("- match: a\n  error: exploded\n", "r.yaml"))
                .hasMessageContaining("'exploded' is unknown; use one of throttled");
        assertThatThrownBy(() -> RuleResponder.parse("- match: a\n", "r.yaml"))
                .hasMessageContaining("needs exactly one of 'reply' and 'error'");
        assertThatThrownBy(() -> RuleResponder.parse("rules: [\n", "r.yaml")).hasMessageContaining("not valid YAML or JSON");
    }

    @Test
    void rulesCanBeLimitedToAModelAndToAnExactShareOfTheirMatches() {
        RuleResponder rules = RuleResponder.parse("""
                rules:
                  - {match: "q", model: "^small", share: 0.25, reply: wrong}
                  - {match: "q", reply: right}
                """, "rules.yaml");
        // share 0.25 takes matches n = 3, 7, 11 (0-based), where floor((n+1)/4) steps up: 3 of 12.
        List<String> small = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> ((Behavior.Reply) rules.respond(request("q", "small-1"))).text()).toList();
        assertThat(small).containsExactly("right", "right", "right", "wrong", "right", "right", "right", "wrong", "right", "right", "right", "wrong");
        assertThat(((Behavior.Reply) rules.respond(request("q", "large-1"))).text()).isEqualTo("right");
        assertThatThrownBy(() -> RuleResponder.parse("[{match: q, reply: x, share: 1.5}]", "r.yaml"))
                .hasMessage("r.yaml: rule 1.share must be a number in (0, 1], but was 1.5");
    }

    private static RecordedRequest request(String user) {
        return request(user, "m");
    }

    private static RecordedRequest request(String user, String model) {
        JsonNode body = Http.JSON.valueToTree(Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", user))));
        return new RecordedRequest("POST", "/v1/chat/completions", Map.of(), body, body.toString());
    }
}
