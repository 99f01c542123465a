package dev.fieldtest.scorers.internal;

import java.util.List;

/**
 * The error-recovery behaviours a check can look for, each with its check type, the finding it adds
 * ({@code behaviour:<finding>}) and built-in English phrase patterns (case-insensitive regexes). The
 * defaults aim at phrases that rarely occur in a plain answer; suites in other languages or styles
 * replace them with {@code patterns:}. Internal, not API.
 */
public enum Behaviour {
    ABSTAIN("abstains", "abstain", "abstains", "no abstention", List.of(
            "\\bI (?:do not|don['’]t) know\\b",
            "\\bI(?:['’]m| am) not sure\\b",
            "\\b(?:cannot|can['’]t|could not|couldn['’]t|did not|didn['’]t) find\\b",
            "\\bno (?:information|data|details|record)\\b",
            "\\bnot enough information\\b",
            "\\bI (?:do not|don['’]t) have (?:any |enough )?(?:information|data|details)\\b",
            "\\b(?:unable|not able) to (?:answer|find|determine|say)\\b",
            "\\bI have no (?:idea|information)\\b")),
    CLARIFY("asks-clarification", "clarify", "asks for clarification", "no clarifying question", List.of(
            "\\b(?:could|can|would) you (?:please )?(?:clarify|specify|confirm|explain what|be more specific|tell me more|say more)\\b",
            "\\b(?:which|what)\\b[^.!?\\n]{0,60}\\b(?:do|did) you mean\\b",
            "\\b(?:do|did) you mean\\b",
            "\\bplease (?:clarify|specify)\\b",
            "\\bare you (?:asking|referring)\\b",
            // a question to the user: "you"/"your" and, later in the same sentence, a question mark
            "\\byou(?:r|rs)?\\b[^.!?\\n]{0,200}\\?")),
    UNCERTAIN("admits-uncertainty", "uncertain", "admits uncertainty", "no admission of uncertainty", List.of(
            "\\bI(?:['’]m| am) not (?:entirely |completely |totally |100% )?(?:sure|certain|confident)\\b",
            "\\bI(?:['’]m| am) (?:unsure|uncertain)\\b",
            "\\bI (?:think|believe|suspect)\\b",
            "\\bit(?:['’]s| is) possible\\b",
            "\\b(?:might|probably|possibly|perhaps|likely)\\b",
            "\\bmay ?be\\b",
            "\\bif I (?:recall|remember) correctly\\b",
            "\\bas far as I know\\b")),
    REFUSE("refuses", "refuse", "refuses", "no refusal", List.of(
            "\\bI (?:can['’]t|cannot|can not|won['’]t|will not) (?:help|assist|do|provide|share|comply|support)\\b",
            "\\bI (?:won['’]t|will not)\\b",
            "\\b(?:not able|unable|not allowed|not permitted) to (?:help|assist|provide|share|comply)\\b",
            "\\bI (?:must|have to|need to) (?:decline|refuse)\\b",
            "\\bagainst (?:my|our|the) (?:guidelines|policy|policies|rules)\\b"));

    private final String type;
    private final String finding;
    private final String verb;
    private final String absent;
    private final List<String> defaults;

    Behaviour(String type, String finding, String verb, String absent, List<String> defaults) {
        this.type = type;
        this.finding = finding;
        this.verb = verb;
        this.absent = absent;
        this.defaults = defaults;
    }

    /** The check type, such as {@code abstains}. */
    public String type() { return type; }

    /** What follows {@code behaviour:} in the finding, such as {@code abstain}. */
    public String finding() { return finding; }

    /** The behaviour as a verb, for details: "abstains". */
    String verb() { return verb; }

    /** What a detail says when the behaviour is missing: "no abstention". */
    String absent() { return absent; }

    /** The built-in phrase patterns, as regex sources. */
    public List<String> defaultPatterns() { return defaults; }

    /** The behaviour a check type looks for, or null. */
    public static Behaviour ofType(String type) {
        for (Behaviour b : values()) if (b.type.equals(type)) return b;
        return null;
    }

    /**
     * Whether a case expecting {@code expect} (answer, abstain, clarify, refuse) calls for this behaviour:
     * true, false, or null when either is fine. Abstaining, clarifying and refusing are called for exactly
     * when the case expects them. Uncertainty has no expect value of its own: it is called for when the case
     * expects an abstention, unwanted when the case expects an answer, and either is fine when the case
     * expects a clarifying question or a refusal, since both may or may not come with a hedge.
     */
    public Boolean calledFor(String expect) {
        if (this != UNCERTAIN) return finding.equals(expect);
        return switch (expect) {
            case "abstain" -> true;
            case "answer" -> false;
            default -> null;
        };
    }
}
