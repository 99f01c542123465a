package dev.fieldtest.scorers;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Preference;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.Comparison;
import dev.fieldtest.core.spi.ComparisonFactory;
import dev.fieldtest.core.spi.Target;
import java.util.List;
import java.util.Set;

/**
 * {@code pairwise:} entries of type {@code judge} (the default): {@code judge} (a judge id), {@code targets}
 * (two target ids) and an optional {@code rubric} (a template; by default "Which answer serves the user's
 * request better: correct, complete, and no more than needed?"). Each comparison asks the judge through
 * {@link PairwiseJudge}, which fences both answers and swaps their positions on half of the calls.
 */
public final class PairwiseComparisons implements ComparisonFactory {
    static final String DEFAULT_RUBRIC = "Which answer serves the user's request better: correct, complete, and no more than needed?";

    @Override
    public Set<String> types() {
        return Set.of("judge");
    }

    @Override
    public Comparison create(ConfigNode spec, Set<String> targetIds, BuildContext context) {
        var problems = new dev.fieldtest.core.config.Problems();
        ConfigReader r = new ConfigReader(spec, problems).allowKeys(Set.of("type", "judge", "targets", "rubric"));
        String judgeId = r.requiredString("judge", "name a judge declared under `judges:`");
        Target judge = judgeId == null ? null : context.judge(judgeId).orElse(null);
        if (judgeId != null && judge == null) {
            problems.add(r.get("judge").orElseThrow().location(), "no judge \"" + judgeId + "\" under judges:",
                    context.judgeIds().isEmpty() ? "declare it under `judges:` (same shape as a target)" : "known judges: " + String.join(", ", context.judgeIds()));
        }
        List<String> pair = r.strings("targets");
        if (pair.size() != 2 || pair.get(0).equals(pair.get(1))) {
            problems.add(r.get("targets").map(ConfigNode::location).orElse(spec.location()),
                    "pairwise targets must name two different targets, but was " + pair, "write `targets: [model-a, model-b]`");
        } else {
            pair.stream().filter(id -> !targetIds.contains(id)).forEach(id -> problems.add(r.get("targets").orElseThrow().location(),
                    "no target \"" + id + "\" in this suite", "known targets: " + String.join(", ", targetIds)));
        }
        Template rubric = r.get("rubric").map(context::template).orElse(Template.of(DEFAULT_RUBRIC));
        context.problems().addAll(problems);
        return problems.isEmpty() ? new JudgedPair(judge, pair.get(0), pair.get(1), rubric) : null;
    }

    /** One comparison: thread-safe, since the judge target is. */
    record JudgedPair(Target judge, String targetA, String targetB, Template rubric) implements Comparison {
        @Override
        public Preference compare(Case testCase, int repeatIndex, List<Message> input, String outputA, String outputB) throws InterruptedException {
            String question = input.isEmpty() ? "" : input.get(input.size() - 1).content();
            var result = PairwiseJudge.compare(judge, rubric.render(CheckInput.templateVars(testCase)), testCase.id(), repeatIndex, question,
                    new PairwiseJudge.Candidate(targetA, outputA), new PairwiseJudge.Candidate(targetB, outputB));
            boolean tie = result.outcome() == PairwiseJudge.Outcome.TIE;
            return new Preference(testCase.id(), repeatIndex, targetA, targetB, result.winner(), tie, result.measured(), result.reason(),
                    result.usage(), result.costUsd());
        }
    }
}
