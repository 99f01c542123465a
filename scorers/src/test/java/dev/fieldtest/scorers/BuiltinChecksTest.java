package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Suite.check;
import static dev.fieldtest.scorers.Suite.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.CheckFactory;
import dev.fieldtest.core.spi.CheckInput;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BuiltinChecksTest {

    @Test
    void isFoundByServiceLoaderAndBuildsEveryType() {
        assertThat(ServiceLoader.load(CheckFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(BuiltinChecks.class);
        assertThat(new BuiltinChecks().types()).containsExactlyInAnyOrder(
                "equals", "contains", "icontains", "not-contains", "regex", "json-valid", "json-schema", "max-length");
    }

    @Test
    void verdictsCarryTheSuitesNameOrElseTheType() {
        assertThat(check("type: contains\nname: mentions refund\nvalue: refund\n").name()).isEqualTo("mentions refund");
        assertThat(run(check("type: contains\nvalue: refund\n"), "no").check()).isEqualTo("contains");
    }

    @Test
    void extractIsAcceptedButLeftToTheExecutor() {
        var check = check("type: equals\nvalue: Paris\nextract: 'Answer: (.*)'\n");
        // The executor would have applied extract already; the check judges the text it is given as is.
        assertThat(run(check, "Paris").pass()).isTrue();
        assertThat(run(check, "Answer: Paris").pass()).isFalse();
    }

    @Test
    void everyTemplateIsHandedToTheLoaderForPlaceholderChecks() {
        BuildContext context = new BuildContext(new Problems());
        new BuiltinChecks().create(Suite.spec("type: contains\nvalue: [\"{{expected}}\", \"{{country}}\"]\n", Path.of(".")), context);
        assertThat(context.templates()).flatMap(Template::names).containsExactly("expected", "country");
    }

    @Test
    void noOutputFailsEveryCheck() {
        for (String yaml : new String[] {"type: json-valid\n", "type: max-length\nvalue: 10\n", "type: not-contains\nvalue: x\n"}) {
            var verdict = check(yaml).check(new CheckInput(null, Suite.PARIS, null));
            assertThat(verdict.pass()).isFalse();
            assertThat(verdict.detail()).isEqualTo("no output to check (the call failed)");
        }
    }
}
