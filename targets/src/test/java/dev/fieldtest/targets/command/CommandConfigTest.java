package dev.fieldtest.targets.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.targets.ProviderSpecs;
import org.junit.jupiter.api.Test;

class CommandConfigTest {
    @Test
    void reportsEveryProblemWithItsLineColumnAndFix() {
        assertThat(ProviderSpecs.problems("command", """
                command: {run: x}
                input: stdin
                env: [A]
                dir: no/such/folder
                """)).extracting(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:1:10: targets[0].command must be a program with its arguments")
                        .contains("Fix: write command: [python3, answer.py]"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:2:8: targets[0].input must be prompt or messages, but was \"stdin\""))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:3:6: targets[0].env must be a map of variable names to values"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:4:6: targets[0].dir is not a directory"))
                .hasSize(4);
    }

    @Test
    void aCommandIsRequired() {
        assertThat(ProviderSpecs.problems("command", "input: prompt\n")).extracting(ConfigProblem::message)
                .containsExactly("targets[0] needs 'command'");
    }
}
