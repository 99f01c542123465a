package dev.fieldtest.core.perturb;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wraps the value in one of the suite's instruction templates, where {@code {{input}}} stands for it. */
public record Rephrase(List<String> templates) implements TextTransform {
    static final Pattern INPUT = Pattern.compile("\\{\\{\\s*input\\s*}}");

    public Rephrase {
        templates = List.copyOf(templates);
        if (templates.isEmpty()) throw new IllegalArgumentException("rephrase needs at least one template");
    }

    @Override
    public String text(String s, Random rnd) {
        String t = templates.get(rnd.nextInt(templates.size()));
        return INPUT.matcher(t).replaceAll(Matcher.quoteReplacement(s));
    }
}
