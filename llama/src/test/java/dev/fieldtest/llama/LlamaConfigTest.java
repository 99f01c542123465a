package dev.fieldtest.llama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.spi.TargetFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings validation; needs no real model: a file that starts with the GGUF magic bytes passes validation. */
class LlamaConfigTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.write(dir.resolve("models/tiny.gguf"), new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0});
        Files.writeString(dir.resolve("models/tiny.bin"), "not a model");
    }

    @Test
    void reportsEveryProblemWithItsLineAndColumn() {
        List<ConfigProblem> problems = Specs.problems("""
                id: broken
                model_path: models/missing.gguf
                params: {temperature: hot, max_tokens: 0, top_pp: 0.9, stop: ["", "\\n"]}
                timeout: 0s
                context: 8
                threads: 0
                prompt_format: chatml
                pricing: {per_second: -1, per_minute: 1}
                modle: x
                """, dir);

        assertThat(problems).extracting(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:2:13: targets[0].model_path names no file: " + dir.resolve("models/missing.gguf") + " does not exist"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:3:23: targets[0].params.temperature must be a number from 0 to 10, but was \"hot\""))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:3:40: targets[0].params.max_tokens must be a whole number from 1"))
                .anySatisfy(p -> assertThat(p).isEqualTo("suite.yaml:3:43: unknown key 'top_pp' in targets[0].params. Fix: did you mean 'top_p'?"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:3:63: targets[0].params.stop[0] is empty"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:4:10: targets[0].timeout must be longer than 0"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:5:10: targets[0].context must be a whole number from 16"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:6:10: targets[0].threads must be a whole number from 1"))
                .anySatisfy(p -> assertThat(p).isEqualTo("suite.yaml:7:16: targets[0].prompt_format must be plain, but was \"chatml\". "
                        + "Fix: use plain: chat templates are not supported by this target yet"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:8:23: targets[0].pricing.per_second must be a number from 0"))
                .anySatisfy(p -> assertThat(p).contains("unknown key 'per_minute' in targets[0].pricing"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:9:").contains("unknown key 'modle' in targets[0]"))
                .hasSize(12);
    }

    @Test
    void theModelMustBeAGgufFileAndIsRequired() {
        assertThat(Specs.problems("model_path: models/tiny.bin\n", dir)).extracting(ConfigProblem::toString).containsExactly(
                "suite.yaml:1:13: targets[0].model_path is not a GGUF model: " + dir.resolve("models/tiny.bin") + " does not start with the bytes GGUF. "
                        + "Fix: llama.cpp 4.x reads only GGUF; convert the model with llama.cpp's convert scripts or download its .gguf variant");
        assertThat(Specs.problems("model_path: models\n", dir)).extracting(ConfigProblem::message).singleElement().asString().endsWith(" is a folder");
        assertThat(Specs.problems("params: {temperature: 0}\n", dir)).extracting(ConfigProblem::toString).containsExactly(
                "suite.yaml:1:1: targets[0] needs 'model_path'. Fix: give the path of a .gguf model file, relative to the suite file's folder");
    }

    @Test
    void theModelPathIsRelativeToTheSuiteAndExpandsTheEnvironment() {
        assertThat(Specs.problems("model_path: ${MODELS}/tiny.gguf\n", dir)).isEmpty();
        assertThat(Specs.problems("model_path: " + dir.resolve("models/tiny.gguf") + "\n", Path.of("elsewhere"))).isEmpty();
        assertThat(Specs.problems("model_path: ${NOT_SET_ANYWHERE}/tiny.gguf\n", dir)).extracting(ConfigProblem::toString)
                .singleElement().asString().startsWith("suite.yaml:1:13: targets[0].model_path uses ${NOT_SET_ANYWHERE}");
    }

    @Test
    void aMinimalSpecGetsTheDocumentedDefaults() {
        try (LlamaTarget t = Specs.target("id: tiny\nmodel_path: models/tiny.gguf\n", dir)) {
            Map<String, Object> d = t.describe();

            assertThat(d).containsEntry("id", "tiny").containsEntry("type", "llama-cpp").containsEntry("model", "tiny.gguf")
                    .containsEntry("model_path", "models/tiny.gguf").containsEntry("context", 512).containsEntry("threads", 1)
                    .containsEntry("prompt_format", "plain").containsEntry("timeout", "60s")
                    .containsEntry("engine", "llama.cpp via de.kherud:llama 4.2.0");
            assertThat(d.get("sha256")).asString().hasSize(64);
            assertThat(d.get("params")).isEqualTo(Map.of("temperature", 0.0, "max_tokens", 64, "seed", 42, "stop", List.of()));
            assertThat(t.process().pid()).as("validation starts no child").isEmpty();
        }
    }

    @Test
    void everySettingIsRead() {
        try (LlamaTarget t = Specs.target("""
                model_path: models/tiny.gguf
                params: {temperature: 0.7, max_tokens: 16, seed: 7, top_k: 20, top_p: 0.9, stop: "\\n\\n"}
                timeout: 1500ms
                pricing: {per_call: 0.001, per_second: 0.0002, input_per_mtok: 1, output_per_mtok: 2}
                context: 1024
                threads: 1
                prompt_format: plain
                """, dir)) {
            LlamaSettings s = t.settings();

            assertThat(s.params()).isEqualTo(new SamplingParams(0.7, 16, 7, 20, 0.9, List.of("\n\n")));
            assertThat(s.timeout()).hasMillis(1500);
            assertThat(s.pricing()).isEqualTo(new dev.fieldtest.core.Pricing(1, 2, 0.001, 0.0002));
            assertThat(s.context()).isEqualTo(1024);
            assertThat(s.threads()).isEqualTo(1);
            assertThat(t.describe()).containsEntry("timeout", "1500ms");
        }
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(TargetFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> assertThat(f.types()).contains("llama-cpp"));
    }
}
