package dev.fieldtest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final long MS = 1_000_000L;
    private static final Behavior HELLO = Behavior.reply("hello");
    private final AtomicLong clock = new AtomicLong();

    @Test
    void aFullBucketOfThreeRefillsAtTwoPerSecondAndNeverHoldsMoreThanThree() {
        RuleResponder stub = RuleResponder.parse("""
                rate_limit: {rps: 2, burst: 3}
                rules:
                  - {match: "hi", reply: "hello"}
                """, "rules.yaml", clock::get);

        assertThat(respond(stub, 3, "hi", "m")).containsOnly(HELLO);
        assertThat(stub.respond(request("hi", "m"))).as("4th at t=0: next token in 0.5 s").isEqualTo(new Behavior.Throttle(1));
        clock.set(500 * MS);
        assertThat(stub.respond(request("hi", "m"))).as("one token refilled by t=0.5 s").isEqualTo(HELLO);
        assertThat(stub.respond(request("hi", "m"))).isEqualTo(new Behavior.Throttle(1));
        clock.set(10_500 * MS);
        assertThat(respond(stub, 3, "hi", "m")).as("10 s refill 20 tokens, but the bucket holds 3").containsOnly(HELLO);
        assertThat(stub.respond(request("hi", "m"))).isEqualTo(new Behavior.Throttle(1));
    }

    @Test
    void throttlesWhateverTheRulesSayAndAThrottledRequestTakesNoToken() {
        RuleResponder stub = RuleResponder.parse("""
                rate_limit: {rps: 1, burst: 1}
                rules:
                  - {match: "broken", error: server_error}
                """, "rules.yaml", clock::get);

        assertThat(stub.respond(request("broken", "m"))).isEqualTo(new Behavior.ServerError(500));
        assertThat(stub.respond(request("broken", "m"))).isEqualTo(new Behavior.Throttle(1));
        assertThat(stub.respond(request("anything", "m"))).isEqualTo(new Behavior.Throttle(1));
        clock.set(1_000 * MS);
        assertThat(stub.respond(request("anything", "m"))).isEqualTo(Behavior.reply("echo: anything"));
    }

    @Test
    void retryAfterIsTheWaitForTheNextTokenRoundedUpToWholeSeconds() {
        RateLimit limit = new RateLimit(0.4, 1, null, clock::get);   // one token every 2.5 s

        assertThat(limit.take()).isZero();
        assertThat(limit.take()).as("2.5 s to wait").isEqualTo(3);
        clock.set(1_400 * MS);
        assertThat(limit.take()).as("1.1 s to wait").isEqualTo(2);
        clock.set(1_600 * MS);
        assertThat(limit.take()).as("0.9 s to wait").isEqualTo(1);
        clock.set(2_500 * MS - 1);
        assertThat(limit.take()).as("1 ns to wait").isEqualTo(1);
        clock.set(2_500 * MS);
        assertThat(limit.take()).isZero();
    }

    @Test
    void aPerModelLimitDoesNotThrottleOtherModels() {
        RuleResponder stub = RuleResponder.parse("rate_limit: {rps: 1, burst: 1, model: small}", "rules.yaml", clock::get);

        assertThat(stub.respond(request("q", "acme-small"))).isEqualTo(Behavior.reply("echo: q"));
        assertThat(stub.respond(request("q", "acme-small"))).isEqualTo(new Behavior.Throttle(1));
        assertThat(respond(stub, 20, "q", "acme-large")).containsOnly(Behavior.reply("echo: q"));
    }

    @Test
    void aListGivesEachEntryItsOwnBucketAndARequestCountsAgainstTheFirstThatMatches() {
        RuleResponder stub = RuleResponder.parse("""
                rate_limit:
                  - {model: small, rps: 1, burst: 1}
                  - {rps: 1, burst: 2}
                """, "rules.yaml", clock::get);

        assertThat(stub.rateLimits()).hasSize(2);
        assertThat(respond(stub, 2, "q", "acme-large")).containsOnly(Behavior.reply("echo: q"));
        assertThat(stub.respond(request("q", "acme-large"))).isEqualTo(new Behavior.Throttle(1));
        assertThat(stub.respond(request("q", "acme-small"))).as("small has its own bucket").isEqualTo(Behavior.reply("echo: q"));
        assertThat(stub.respond(request("q", "acme-small"))).isEqualTo(new Behavior.Throttle(1));
    }

    @Test
    void theBucketIsSharedSafelyByConcurrentRequests() throws Exception {
        RuleResponder stub = RuleResponder.parse("rate_limit: {rps: 1, burst: 100}", "rules.yaml", clock::get);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Behavior>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return respond(stub, 50, "q", "m");
                }));
            }
            start.countDown();
        }
        List<Behavior> all = new ArrayList<>();
        for (Future<List<Behavior>> f : results) all.addAll(f.get());

        assertThat(all).filteredOn(b -> b instanceof Behavior.Reply).hasSize(100);
        assertThat(all).filteredOn(b -> b instanceof Behavior.Throttle).hasSize(300);
    }

    @Test
    void anEmptyBucketAnswersOverHttpWith429RetryAfterAndOpenAisErrorBody() throws Exception {
        RuleResponder stub = RuleResponder.parse("rate_limit: {rps: 0.25, burst: 2}", "rules.yaml", clock::get);
        try (FakeOpenAiServer server = FakeOpenAiServer.start(0, stub)) {
            assertThat(Http.chat(server, Http.body("one", false, false)).statusCode()).isEqualTo(200);
            assertThat(Http.chat(server, Http.body("two", true, false)).statusCode()).isEqualTo(200);

            HttpResponse<String> r = Http.chat(server, Http.body("three", false, false));
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("retry-after")).hasValue("4");
            JsonNode error = Http.json(r.body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
            assertThat(error.path("type").asText()).isEqualTo("rate_limit_exceeded");
            assertThat(error.path("message").asText()).startsWith("Rate limit reached for requests on model gpt-test");
            assertThat(error.has("param")).isTrue();

            clock.set(4_000 * MS);
            assertThat(Http.chat(server, Http.body("four", false, false)).statusCode()).isEqualTo(200);
        }
    }

    static Stream<Arguments> badRateLimits() {
        return Stream.of(
                Arguments.of("rate_limit: {rps: -1, burst: 10}", "r.yaml: rate_limit.rps must be a number above 0, but was -1"),
                Arguments.of("rate_limit: {rps: 0, burst: 10}", "r.yaml: rate_limit.rps must be a number above 0, but was 0"),
                Arguments.of("rate_limit: {rps: fast, burst: 10}", "r.yaml: rate_limit.rps must be a number above 0, but was \"fast\""),
                Arguments.of("{\"rate_limit\": {\"rps\": \"30\", \"burst\": 10}}", "r.yaml: rate_limit.rps must be a number above 0, but was \"30\""),
                Arguments.of("rate_limit: {rps: 30, burst: 0}", "r.yaml: rate_limit.burst must be a whole number >= 1, but was 0"),
                Arguments.of("rate_limit: {rps: 30, burst: -2}", "r.yaml: rate_limit.burst must be a whole number >= 1, but was -2"),
                Arguments.of("rate_limit: {rps: 30, burst: 2.5}", "r.yaml: rate_limit.burst must be a whole number >= 1, but was 2.5"),
                Arguments.of("rate_limit: {rps: 30, burst: 99999999999}", "r.yaml: rate_limit.burst must be a whole number >= 1, but was 99999999999"),
                Arguments.of("rate_limit: {burst: 10}", "r.yaml: rate_limit needs 'rps': tokens added per second, a number above 0"),
                Arguments.of("rate_limit: {rps: 30}", "r.yaml: rate_limit needs 'burst': the most tokens the bucket holds, a whole number >= 1"),
                Arguments.of("rate_limit: {rps: 30, burst: 10, rpm: 60}", "r.yaml: unknown key 'rpm' in rate_limit; allowed keys are burst, model, rps"),
                Arguments.of("rate_limit: {rps: 30, burst: 10, model: '(small'}", "r.yaml: rate_limit.model is not a valid regular expression: Unclosed group"),
                Arguments.of("rate_limit: {rps: 0.000000001, burst: 10}", "r.yaml: rate_limit.rps is too low: refilling 10 token(s) at 1.0E-9 per second would take over 100 years"),
                Arguments.of("rate_limit: [{rps: 30, burst: 10}, {rps: 30, burst: 0, model: small}]",
                        "r.yaml: rate_limit 2.burst must be a whole number >= 1, but was 0"),
                Arguments.of("rate_limit: [30]", "r.yaml: rate_limit 1 must be a map such as {rps: 30, burst: 10, model: small}, but was 30"),
                Arguments.of("rate_limit: 30", "r.yaml: 'rate_limit' must be a map such as {rps: 30, burst: 10} or a list of them, but was 30"));
    }

    @ParameterizedTest
    @MethodSource("badRateLimits")
    void badRateLimitsNameTheKeyAndWhatItMustBe(String yaml, String message) {
        assertThatThrownBy(() -> RuleResponder.parse(yaml, "r.yaml")).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void theConstructorChecksItsValuesToo() {
        assertThatThrownBy(() -> new RateLimit(-1, 10, null, clock::get)).hasMessage("rate_limit.rps must be a number above 0, but was -1.0");
        assertThatThrownBy(() -> new RateLimit(30, 0, null, clock::get)).hasMessage("rate_limit.burst must be a whole number >= 1, but was 0");
    }

    private static List<Behavior> respond(RuleResponder stub, int times, String user, String model) {
        List<Behavior> out = new ArrayList<>();
        for (int i = 0; i < times; i++) out.add(stub.respond(request(user, model)));
        return out;
    }

    private static RecordedRequest request(String user, String model) {
        JsonNode body = Http.JSON.valueToTree(Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", user))));
        return new RecordedRequest("POST", "/v1/chat/completions", Map.of(), body, body.toString());
    }
}
