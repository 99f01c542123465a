package dev.fieldtest.llama.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildCommandTest {
    @Test
    void theChildRunsThisJavaWithASmallHeapAPrivateNativeFolderAndTheModelArguments() {
        List<String> line = ChildCommand.forModel(Path.of("/m/model.gguf"), 512, 2).toList(Path.of("/tmp/private"));

        assertThat(Path.of(line.get(0)).getFileName().toString()).isEqualTo("java");
        assertThat(line).contains("-Xmx64m", "--enable-native-access=ALL-UNNAMED", "-Dde.kherud.llama.tmpdir=/tmp/private")
                .endsWith(ChildMain.class.getName(), "/m/model.gguf", "512", "2");
        String classPath = line.get(line.indexOf("-cp") + 1);
        assertThat(classPath.split(File.pathSeparator))
                .anySatisfy(e -> assertThat(e).contains("llama-4.2.0.jar"))
                .anySatisfy(e -> assertThat(e).contains("jackson-databind"));
    }
}
