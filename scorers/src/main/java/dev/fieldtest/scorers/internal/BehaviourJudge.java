package dev.fieldtest.scorers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.Target;

/**
 * Detects a behaviour by asking a judge ({@link BehaviourPrompt}) instead of matching phrases. The reply's
 * first JSON object must hold a boolean {@code present}; anything else, and a failed or interrupted call,
 * is unmeasured, never a pass. The judge's tokens and cost are part of every detection. Internal, not API.
 * Thread-safe when the judge target is.
 */
public record BehaviourJudge(Target judge, Behaviour behaviour) implements BehaviourDetector {
    @Override
    public Detection detect(CheckInput input) {
        JudgeAnswer a;
        try {
            a = JudgeAnswer.ask(judge, input, BehaviourPrompt.messages(behaviour, input.text()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run is stopping; let the executor see it
            return Detection.unmeasured(JudgeAnswer.INTERRUPTED);
        }
        if (!a.usable()) return new Detection(false, false, a.problem(), a.usage(), a.costUsd());
        JsonNode present = a.reply().get("present");
        if (present == null || !present.isBoolean()) {
            return new Detection(false, false, "judge reply has no boolean present: " + Quote.of(a.reply().toString()), a.usage(), a.costUsd());
        }
        String said = JudgeReply.text(a.reply(), "evidence");
        String because = "judge " + judge.id() + (said.isBlank() ? "" : " " + Quote.of(said));
        return new Detection(true, present.asBoolean(), because, a.usage(), a.costUsd());
    }
}
