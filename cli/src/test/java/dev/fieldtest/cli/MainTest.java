package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir Path dir;

    @Test
    void usageErrorsAndBadOverridesExitWith2AndWriteNothing() throws Exception {
        assertThat(Main.execute("run")).isEqualTo(Main.BAD_INPUT);
        assertThat(Main.execute("run", "suite.yaml")).isEqualTo(Main.BAD_INPUT); // --out is required
        Path suite = Files.writeString(dir.resolve("s.yaml"), "prompt: hi\ncases: [{id: a}]\ntargets: [{id: t, type: openai, base_url: 'http://127.0.0.1:9/v1', model: m}]\n");
        assertThat(Main.execute("run", suite.toString(), "--out", dir.resolve("out").toString(), "--repeat", "0")).isEqualTo(Main.BAD_INPUT);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aStubRulesFileWithAMistakeIsBadInput() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules: [{match: '(', reply: x}]\n");
        assertThat(Main.execute("stub-server", "--port", "0", "--rules", rules.toString())).isEqualTo(Main.BAD_INPUT);
    }
}
