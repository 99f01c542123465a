package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimFileTest {
    @TempDir Path dir;

    @Test
    void aYamlListReadsIntoClaims() throws Exception {
        Path f = Files.writeString(dir.resolve("claims.yaml"), """
                - {vendor: acme, model: m1, metric: pass_rate.value, value: 0.91, source: "https://acme.example/card", date: 2026-01-05}
                - vendor: acme
                  model: m2
                  feature: search
                  version: "2"
                  metric: latency_ms.p95
                  value: 850
                  source: model card
                  date: 2026-02-01
                """);
        List<Claim> claims = ClaimFile.read(f);
        assertThat(claims).containsExactly(
                Claim.of(null, "acme", "m1", null, "pass_rate.value", 0.91, "https://acme.example/card", LocalDate.of(2026, 1, 5)),
                Claim.of("search", "acme", "m2", "2", "latency_ms.p95", 850, "model card", LocalDate.of(2026, 2, 1)));
    }

    @Test
    void jsonIsReadToo() throws Exception {
        Path f = Files.writeString(dir.resolve("claims.json"), """
                [{"vendor": "acme", "model": "m1", "metric": "pass_rate.value", "value": 0.91, "source": "s", "date": "2026-01-05"}]
                """);
        assertThat(ClaimFile.read(f)).hasSize(1);
    }

    @Test
    void everyProblemIsReportedAtItsLineAndColumn() throws Exception {
        Path f = Files.writeString(dir.resolve("claims.yaml"), """
                - vendor: acme
                  model: m1
                  metric: pass_rate.value
                  value: "91%"
                  source: s
                  date: 2026-13-05
                - model: m2
                  metric: pass rate
                  value: 0.5
                  source: s
                  date: 2026-01-05
                  colour: blue
                """);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ClaimFile.read(f));
        assertThat(e.problems()).extracting(p -> p.location().line() + ":" + p.location().column() + " " + p.message().split(" ")[1])
                .containsExactlyInAnyOrder("4:10 must", "6:9 must", "7:3 has", "8:11 must", "12:3 has");
        assertThat(e.problems()).extracting(ConfigProblem::toString).anyMatch(s -> s.startsWith(f + ":4:10: [0].value must be a number, but was"))
                .anyMatch(s -> s.contains("[1] has no vendor")).anyMatch(s -> s.contains("unknown key \"colour\""));
    }

    @Test
    void brokenSyntaxIsLocated() throws Exception {
        Path f = Files.writeString(dir.resolve("claims.json"), "[{\"vendor\": \"acme\",\n  \"model\" \"m1\"}]\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ClaimFile.read(f));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.message()).startsWith("not valid YAML or JSON");
        });
    }

    @Test
    void notAListIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("claims.yaml"), "vendor: acme\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ClaimFile.read(f));
        assertThat(e.getMessage()).contains(f + ":1:1: a claims file must be a list of claims");
    }
}
