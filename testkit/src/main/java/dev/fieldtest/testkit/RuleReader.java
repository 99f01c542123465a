package dev.fieldtest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a rules file for {@link RuleResponder}. The top level is either a list of rules, or a map with
 * {@code rules} (that list) and optional {@code default_reply}. A rule is a map of {@code match} (regex,
 * required), then {@code reply} (template) or {@code error} (one of {@link RuleResponder#ERRORS}), and
 * optional {@code delay_ms}, {@code status} (for server_error/client_error), {@code retry_after}
 * (seconds, for throttled), {@code model} (regex over the request's model) and {@code share} (in (0, 1]). Every problem is an {@link IllegalArgumentException} naming the rule.
 */
final class RuleReader {
    private static final Set<String> TOP = Set.of("rules", "default_reply", "rate_limit");
    private static final Set<String> RULE = Set.of("match", "reply", "error", "delay_ms", "status", "retry_after", "model", "share");
    private final String source;

    RuleReader(String source) {
        this.source = source;
    }

    RuleResponder read(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) throw problem("the file is empty; write a list of rules");
        JsonNode list = root;
        String defaultReply = null;
        if (root.isObject()) {
            unknownKeys(root, TOP, "the top level");
            list = root.path("rules");
            if (root.hasNonNull("default_reply")) defaultReply = text(root.get("default_reply"), "default_reply");
        }
        if (!list.isArray() && !list.isMissingNode()) throw problem("'rules' must be a list of {match, reply} maps");
        List<RuleResponder.Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) rules.add(rule(list.get(i), "rule " + (i + 1)));
        return new RuleResponder(rules, defaultReply);
    }

    private RuleResponder.Rule rule(JsonNode n, String where) {
        if (!n.isObject()) throw problem(where + " must be a map such as {match: \"hello\", reply: \"hi\"}");
        unknownKeys(n, RULE, where);
        if (!n.hasNonNull("match")) throw problem(where + " has no 'match' (a regular expression over the last user message)");
        Pattern match;
        try {
            match = Pattern.compile(text(n.get("match"), where + ".match"));
        } catch (PatternSyntaxException e) {
            throw problem(where + ".match is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
        String reply = n.hasNonNull("reply") ? text(n.get("reply"), where + ".reply") : null;
        String error = n.hasNonNull("error") ? text(n.get("error"), where + ".error") : null;
        if ((reply == null) == (error == null)) throw problem(where + " needs exactly one of 'reply' and 'error'");
        if (error != null && !RuleResponder.ERRORS.contains(error)) {
            throw problem(where + ".error '" + error + "' is unknown; use one of " + String.join(", ", RuleResponder.ERRORS));
        }
        int groups = match.matcher("").groupCount();
        if (reply != null && RuleResponder.highestGroup(reply) > groups) {
            throw problem(where + ".reply uses {{" + RuleResponder.highestGroup(reply) + "}} but the regex has only "
                    + groups + " group(s); add parentheses around the part to capture");
        }
        Integer delay = whole(n, "delay_ms", where);
        Integer status = whole(n, "status", where);
        if (status != null && "server_error".equals(error) && (status < 500 || status > 599)) {
            throw problem(where + ".status must be 500..599 for server_error, but was " + status);
        }
        if (status != null && "client_error".equals(error) && (status < 400 || status > 499 || status == 429)) {
            throw problem(where + ".status must be 400..499 (not 429; use error: throttled) for client_error, but was " + status);
        }
        Pattern model = null;
        if (n.hasNonNull("model")) {
            try {
                model = Pattern.compile(text(n.get("model"), where + ".model"));
            } catch (PatternSyntaxException e) {
                throw problem(where + ".model is not a valid regular expression: " + e.getDescription());
            }
        }
        double share = 1.0;
        if (n.hasNonNull("share")) {
            JsonNode v = n.get("share");
            if (!v.isNumber() || !(v.asDouble() > 0 && v.asDouble() <= 1)) throw problem(where + ".share must be a number in (0, 1], but was " + v);
            share = v.asDouble();
        }
        return new RuleResponder.Rule(match, reply, delay == null ? null : Duration.ofMillis(delay), error,
                status, whole(n, "retry_after", where), model, share);
    }

    private void unknownKeys(JsonNode map, Set<String> allowed, String where) {
        for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw problem("unknown key '" + key + "' in " + where + "; allowed keys are " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private Integer whole(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw problem(where + "." + key + " must be a whole number >= 0, but was " + v);
        }
        return v.asInt();
    }

    private String text(JsonNode v, String where) {
        if (!v.isValueNode()) throw problem(where + " must be a text, but was " + v);
        return v.asText();
    }

    private IllegalArgumentException problem(String message) {
        return new IllegalArgumentException(source + ": " + message);
    }
}
