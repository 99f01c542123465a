package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    @Test
    void fillsPlaceholdersAndRendersNonStringsAsJson() {
        Template t = Template.of("Q: {{ question }} ctx={{ctx}} n={{n}} {{question}}");
        assertThat(t.names()).containsExactly("question", "ctx", "n");
        assertThat(t.render(Map.of("question", "why?", "ctx", List.of("a", Map.of("k", 1)), "n", 3)))
                .isEqualTo("Q: why? ctx=[\"a\",{\"k\":1}] n=3 why?");
    }

    @Test
    void leavesTextWithoutPlaceholdersAloneAndNamesAMissingVariable() {
        assertThat(Template.of("plain {not} {{ }}").render(Map.of())).isEqualTo("plain {not} {{ }}");
        assertThatThrownBy(() -> Template.of("{{x}}").render(Map.of())).hasMessageContaining("no variable 'x'");
    }
}
