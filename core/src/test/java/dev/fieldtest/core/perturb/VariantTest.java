package dev.fieldtest.core.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.config.Location;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantTest {
    static final Case C1 = new Case("c1", Map.of("q", TextPerturbationsTest.PARCEL, "n", 3L), "soon", List.of("shipping"), Location.of(null), "answer");

    @Test
    void aVariantCaseKeepsWhatItDoesNotChange() {
        Variant v = new Variant("typos", "typos", new Typos(0.2), null, null, List.of());
        Case out = v.of(C1, 7);
        assertThat(out.id()).isEqualTo("c1~typos");
        assertThat(out.vars()).containsEntry("n", 3L).containsKey("q");
        assertThat(out.vars().get("q")).isNotEqualTo(TextPerturbationsTest.PARCEL)
                .isEqualTo(new Typos(0.2).text(TextPerturbationsTest.PARCEL, Seeds.random(7, "typos", "c1", "q")));
        assertThat(out.expected()).isEqualTo("soon");
        assertThat(out.tags()).containsExactly("shipping", "variant:typos");
        assertThat(out.expect()).isEqualTo("answer");
        assertThat(out.location()).isEqualTo(C1.location());
    }

    @Test
    void generatorsTagAndSetExpect() {
        Variant amb = new Variant("vague", "ambiguous", new Ambiguous(), null, "clarify", List.of("ambiguous"));
        assertThat(amb.of(C1, 0).tags()).containsExactly("shipping", "variant:vague", "ambiguous");
        assertThat(amb.of(C1, 0).expect()).isEqualTo("clarify");
        Variant inj = new Variant("injection", "injection", new Injection(List.of("P."), Injection.Position.AFTER), null, null, List.of("adversarial"));
        assertThat(inj.of(C1, 0).expect()).isEqualTo("answer");
        assertThat(inj.of(C1, 0).vars().get("q")).isEqualTo(TextPerturbationsTest.PARCEL + "\n\nP.");
    }

    @Test
    void differentCasesAndSeedsGetDifferentNoiseAndTheSameInputsTheSame() {
        Variant v = new Variant("typos", "typos", new Typos(0.3), null, null, List.of());
        Case c2 = new Case("c2", C1.vars(), null, List.of(), Location.of(null));
        assertThat(v.of(c2, 7).vars().get("q")).isNotEqualTo(v.of(C1, 7).vars().get("q"));
        assertThat(v.of(C1, 8).vars().get("q")).isNotEqualTo(v.of(C1, 7).vars().get("q"));
        assertThat(v.of(C1, 7)).isEqualTo(v.of(C1, 7));
    }

    @Test
    void chosenVarsOnly() {
        Variant upper = new Variant("up", "case", new CaseChange(CaseChange.Mode.UPPER), List.of("x"), null, List.of());
        Case c = new Case("c", Map.of("x", "a", "y", "b"), null, List.of(), Location.of(null));
        assertThat(upper.of(c, 0).vars()).containsEntry("x", "A").containsEntry("y", "b");
        Variant blank = new Variant("gone", "ambiguous", new Blank(), List.of("y"), "clarify", List.of("ambiguous"));
        assertThat(blank.of(c, 0).vars()).containsEntry("x", "a").containsEntry("y", "");
    }

    @Test
    void nameOfNeedsBothTheTagAndTheIdSuffix() {
        Variant v = new Variant("typos", "typos", new Typos(0.1), null, null, List.of());
        assertThat(Variant.nameOf(v.of(C1, 0))).isEqualTo("typos");
        assertThat(Variant.nameOf(C1)).isNull();
        assertThat(Variant.nameOf(new Case("x", Map.of(), null, List.of("variant:typos"), Location.of(null)))).isNull();
    }
}
