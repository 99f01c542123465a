package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Message;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code judge}: one judge or a panel grades the output against a rubric. The verdict's score is the mean
 * 0..1 score of the judges that gave a usable one; it passes when that mean reaches the threshold
 * ({@code mean}), or when more than half of them scored at least the threshold ({@code majority}). No
 * usable score from any judge is unmeasured, never a pass. Findings name every judge's score; tokens and
 * cost of every judge call are the verdict's. Internal, not API. Immutable and thread-safe.
 */
public record JudgeCheck(String name, List<Target> judges, Rubric rubric, double threshold, boolean majority) implements Check {
    public JudgeCheck {
        judges = List.copyOf(judges);
    }

    @Override
    public Verdict check(CheckInput input) {
        if (input.text() == null) return Verdict.fail(name, "no output to check (the call failed)");
        String expected = input.testCase().expected();
        String question = lastUserContent(input.observation() == null ? List.of() : input.observation().input());
        String rubricText = rubric.render(input);
        List<JudgeScore> scores = new ArrayList<>();
        try {
            for (Target judge : judges) {
                // a fresh prompt (and fence token) per judge call
                List<Message> messages = JudgePrompt.messages(rubricText, rubric.scaleText(), question, expected, input.text());
                int repeat = input.observation() == null ? 0 : input.observation().repeatIndex();
                scores.add(JudgeScore.ask(judge, input.testCase().id(), repeat, messages, rubric));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run is stopping; let the executor see it
            return withCost(Verdict.unmeasured(name, JudgeAnswer.INTERRUPTED), scores);
        }
        return withCost(verdict(scores), scores);
    }

    private Verdict verdict(List<JudgeScore> scores) {
        List<String> findings = scores.stream().map(JudgeScore::finding).toList();
        List<JudgeScore> measured = scores.stream().filter(JudgeScore::measured).toList();
        if (measured.isEmpty()) {
            String why = scores.size() == 1 ? scores.get(0).note() : "no judge gave a usable score: " + notes(scores);
            return Verdict.unmeasured(name, why).withFindings(findings);
        }
        double mean = measured.stream().mapToDouble(JudgeScore::score).average().orElseThrow();
        long passing = measured.stream().filter(s -> s.score() >= threshold).count();
        boolean pass = majority ? passing * 2 > measured.size() : mean >= threshold;
        String detail = majority
                ? String.format(Locale.ROOT, "%d of %d judges scored at least %.2f (mean %.2f)", passing, measured.size(), threshold, mean)
                : String.format(Locale.ROOT, "score %.2f %s %.2f", mean, pass ? ">=" : "<", threshold);
        detail += ": " + notes(scores);
        return new Verdict(name, pass, detail, mean, true, findings, null, 0);
    }

    private static String notes(List<JudgeScore> scores) {
        StringBuilder out = new StringBuilder();
        for (JudgeScore s : scores) {
            if (!out.isEmpty()) out.append("; ");
            out.append(s.judgeId()).append(' ').append(s.measured() ? Rubric.fmt(s.raw()) : "unmeasured")
                    .append(s.note().isBlank() ? "" : " " + Quote.of(s.note()));
        }
        return out.toString();
    }

    private static Verdict withCost(Verdict v, List<JudgeScore> scores) {
        Usage usage = null;
        double cost = 0;
        for (JudgeScore s : scores) {
            if (s.usage() != null) usage = s.usage().plus(usage);
            cost += s.costUsd();
        }
        return v.withCost(usage, cost);
    }

    /** What the target was asked: the content of the last user message it was sent. */
    static String lastUserContent(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) return messages.get(i).content();
        }
        return "";
    }
}
