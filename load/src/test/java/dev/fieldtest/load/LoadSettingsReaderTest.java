package dev.fieldtest.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Problems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSettingsReaderTest {
    private final Problems problems = new Problems();

    private LoadSettings read(String yaml) throws Exception {
        try (var parser = new YAMLFactory().createParser(yaml)) {
            return LoadSettingsReader.read(ConfigNode.read(parser, Path.of("suite.yaml"), "load"), problems);
        }
    }

    private List<String> messages() {
        return problems.list().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void aSweepTakesItsKeysAndTheDocumentedDefaults() throws Exception {
        LoadSettings s = read("""
                profile: sweep
                arrival: poisson
                sweep: {from: 5, factor: 1.5, max: 40}
                slo: {latency: 2s, ttft: 500ms, goodput: 0.9}
                """);
        assertThat(messages()).isEmpty();
        assertThat(s.profile()).isEqualTo(LoadSettings.Profile.SWEEP);
        assertThat(s.arrival()).isEqualTo(LoadSettings.Arrival.POISSON);
        assertThat(s.slo()).isEqualTo(new Slo(2000.0, 500.0, null, 0.9, 0.05));
        assertThat(s.step().duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.step().warmUp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.step().coolDown()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.qualitySample()).isEqualTo(20);
        // 5, 7.5, 11.25, 16.875, 25.3125, 37.96875; the next (56.95) is above max.
        double rate = 5;
        int steps = 1;
        while (!Double.isNaN(rate = s.sweep().next(rate, steps))) steps++;
        assertThat(steps).isEqualTo(6);
    }

    @Test
    void aMisspelledProfileIsNamedWithItsPositionAndTheNearestName() throws Exception {
        assertThat(read("profile: swep\nsweep: {from: 1}\n")).isNull();
        assertThat(messages()).anySatisfy(m -> assertThat(m)
                .startsWith("suite.yaml:1:10: load.profile must be one of closed, constant, poisson, gamma, spike, sweep, but was \"swep\"")
                .contains("did you mean \"sweep\"?"));
    }

    @Test
    void aKeyTheProfileDoesNotUseIsAProblem() throws Exception {
        assertThat(read("profile: closed\nusers: [1, 4]\nrates: [5]\n")).isNull();
        assertThat(messages()).anySatisfy(m -> assertThat(m)
                .startsWith("suite.yaml:3:1: load.rates is not used by profile closed")
                .contains("remove it, or use it with profile constant or gamma or poisson"));
    }

    @Test
    void everyProblemIsGatheredAtOnce() throws Exception {
        assertThat(read("""
                profile: constant
                duration: 10s
                warm_up: 8s
                cool_down: 2s
                slo: {goodput: 1.5}
                """)).isNull();
        assertThat(messages()).hasSize(3).anySatisfy(m -> assertThat(m).contains("profile constant needs load.rates"))
                .anySatisfy(m -> assertThat(m).contains("load.warm_up (8.0 s) plus load.cool_down (2.0 s) must be shorter than load.duration (10.0 s)"))
                .anySatisfy(m -> assertThat(m).startsWith("suite.yaml:5:16:").contains("slo.goodput"));
    }

    @Test
    void ratesMustBePositive() throws Exception {
        assertThat(read("profile: poisson\nrates: [5, -1, fast]\n")).isNull();
        assertThat(messages()).hasSize(2).allSatisfy(m -> assertThat(m).contains("load.rates must be requests per second above 0"));
    }

    @Test
    void aSpikeIsOneStepWhoseOfferedRateAveragesBaseAndBurst() throws Exception {
        LoadSettings s = read("profile: spike\nrate: 10\nspike: {rate: 50, at: 4s, length: 2s}\nduration: 10s\nwarm_up: 1s\ncool_down: 0s\n");
        assertThat(messages()).isEmpty();
        // 8 s at 10 rps and 2 s at 50 rps over 10 s: (80 + 100) / 10 = 18 rps.
        assertThat(s.schedule(s.rates().get(0), 0).offeredRps(s.step().duration())).isEqualTo(18.0);
    }
}
