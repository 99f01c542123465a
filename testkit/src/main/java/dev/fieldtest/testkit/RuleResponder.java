package dev.fieldtest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Responder} driven by a rules file, for dry runs ({@code fieldtest stub-server --rules FILE}).
 * The first rule whose {@code match} regex is found in the last user message answers; otherwise the
 * default reply does. Rules files are YAML or JSON (see {@link RuleReader} for the format). Thread-safe.
 *
 * <pre>
 * default_reply: "I don't know. You asked: {{input}}"
 * rules:
 *   - match: "capital of (\\w+)"
 *     reply: "The capital of {{1}} is {{1}}-city."
 *     delay_ms: 150
 *   - match: "(?i)overloaded"
 *     error: throttled
 *     retry_after: 1
 * rate_limit: {rps: 30, burst: 10}
 * </pre>
 *
 * In replies, {@code {{0}}} is the whole match, {@code {{1}}}… its groups and {@code {{input}}} the last
 * user message. {@code error} is one of {@link #ERRORS}. A rule with {@code model} (a regex) applies only to
 * requests for a matching model; a rule with {@code share: 0.25} takes every fourth request it matches
 * (deterministically), letting the next rule answer the others — a flaky model for pass^k.
 *
 * <p>{@code rate_limit} (a {@link RateLimit}) plays a provider's request limit: a token bucket holding
 * {@code burst} tokens, refilled at {@code rps} per second; a request that finds it empty gets
 * {@link Behavior.Throttle} with a Retry-After of whole seconds until the next token, whatever the rules say.
 * It is one map, or a list of maps with {@code model} (a regex), each its own bucket; a request counts
 * against the first limit whose model matches, and against none when none does.
 */
public final class RuleResponder implements Responder {
    /** Values of {@code error:}, named like fieldtest's error classes. */
    public static final List<String> ERRORS = List.of(
            "throttled", "server_error", "client_error", "malformed_response", "truncated_stream", "timeout", "connection");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+|input)}}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * One rule. Exactly one of {@code reply} and {@code error} is set; {@code delay} is the wait before a
     * reply, or how long {@code error: timeout} stalls; {@code status} and {@code retryAfter} may be null.
     */
    public record Rule(Pattern match, String reply, Duration delay, String error, Integer status, Integer retryAfter,
                       Pattern model, double share) {
        public Rule {
            Objects.requireNonNull(match, "match");
            delay = delay == null ? Duration.ZERO : delay;
            if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("share must be in (0, 1], but was " + share);
            if ((reply == null) == (error == null)) throw new IllegalArgumentException("a rule needs exactly one of reply and error");
            if (error != null && !ERRORS.contains(error)) {
                throw new IllegalArgumentException("unknown error '" + error + "'; use one of " + String.join(", ", ERRORS));
            }
        }

        public Rule(Pattern match, String reply, Duration delay, String error, Integer status, Integer retryAfter) {
            this(match, reply, delay, error, status, retryAfter, null, 1.0);
        }
    }

    private final List<Rule> rules;
    /** Per rule, how many requests it matched so far: a rule with a share applies to a fixed, spread-out part of them. */
    private final java.util.concurrent.atomic.AtomicLong[] matched;
    private final String defaultReply;
    private final List<RateLimit> rateLimits;

    /** {@code defaultReply} is a template like a rule's reply; null means {@code "echo: {{input}}"}. */
    public RuleResponder(List<Rule> rules, String defaultReply) {
        this(rules, defaultReply, List.of());
    }

    /** As {@link #RuleResponder(List, String)}, with rate limits: a request counts against the first that applies. */
    public RuleResponder(List<Rule> rules, String defaultReply, List<RateLimit> rateLimits) {
        this.rules = List.copyOf(rules);
        this.matched = new java.util.concurrent.atomic.AtomicLong[this.rules.size()];
        java.util.Arrays.setAll(matched, i -> new java.util.concurrent.atomic.AtomicLong());
        this.defaultReply = defaultReply == null ? "echo: {{input}}" : defaultReply;
        this.rateLimits = List.copyOf(rateLimits);
    }

    /** Reads a YAML or JSON rules file; problems name the file and the rule's position. */
    public static RuleResponder load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /** Parses rules text; {@code source} names it in error messages. Rate limits run on {@link System#nanoTime()}. */
    public static RuleResponder parse(String text, String source) {
        return parse(text, source, System::nanoTime);
    }

    /** Parses rules text, with {@code clock} (nanoseconds) for the rate limits' buckets, which start full now. */
    public static RuleResponder parse(String text, String source, LongSupplier clock) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML or JSON: " + e.getOriginalMessage(), e);
        }
        // RuleReader knows rules and default_reply; rate_limit is read here, beside it.
        JsonNode limits = root instanceof com.fasterxml.jackson.databind.node.ObjectNode map ? map.remove("rate_limit") : null;
        RuleResponder read = new RuleReader(source).read(root);
        return new RuleResponder(read.rules, read.defaultReply, RateLimit.read(limits, source, clock));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<RateLimit> rateLimits() {
        return rateLimits;
    }

    @Override
    public Behavior respond(RecordedRequest request) {
        String input = request.lastUserMessage();
        String model = request.model() == null ? "" : request.model();
        for (RateLimit limit : rateLimits) {
            if (!limit.appliesTo(model)) continue;
            int retryAfter = limit.take();
            if (retryAfter > 0) return new Behavior.Throttle(retryAfter);
            break;
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.model() != null && !rule.model().matcher(model).find()) continue;
            Matcher m = rule.match().matcher(input);
            if (m.find() && takesTurn(rule, matched[i].getAndIncrement())) return behavior(rule, m, input);
        }
        return Behavior.reply(fill(defaultReply, null, input));
    }

    /** The n-th match (0-based) takes its turn when floor((n+1)·share) steps past floor(n·share): exact shares, evenly spread. */
    private static boolean takesTurn(Rule rule, long n) {
        return rule.share() >= 1 || Math.floor((n + 1) * rule.share()) > Math.floor(n * rule.share());
    }

    private static Behavior behavior(Rule rule, Matcher m, String input) {
        if (rule.reply() != null) return Behavior.reply(fill(rule.reply(), m, input)).withDelay(rule.delay());
        return switch (rule.error()) {
            case "throttled" -> new Behavior.Throttle(rule.retryAfter());
            case "server_error" -> new Behavior.ServerError(rule.status() == null ? 500 : rule.status());
            case "client_error" -> new Behavior.ClientError(rule.status() == null ? 400 : rule.status(), "invalid_request_error");
            case "malformed_response" -> new Behavior.Malformed();
            case "truncated_stream" -> new Behavior.CutStream(2);
            case "timeout" -> new Behavior.Stall(rule.delay().isZero() ? Duration.ofMinutes(5) : rule.delay());
            default -> new Behavior.ResetConnection();
        };
    }

    private static String fill(String template, Matcher m, String input) {
        Matcher p = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (p.find()) {
            String name = p.group(1);
            String value = name.equals("input") ? input : m == null ? "" : Objects.toString(m.group(Integer.parseInt(name)), "");
            p.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        p.appendTail(out);
        return out.toString();
    }

    /** The highest {@code {{N}}} group a template uses, or -1; the reader checks it against the regex. */
    static int highestGroup(String template) {
        int max = -1;
        Matcher p = PLACEHOLDER.matcher(template);
        while (p.find()) {
            if (!p.group(1).equals("input")) max = Math.max(max, Integer.parseInt(p.group(1)));
        }
        return max;
    }
}
