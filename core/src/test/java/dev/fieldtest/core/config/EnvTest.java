package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Secrets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
    private final Env env = new Env(Map.of("KEY", "sk-test-123456"));

    @Test
    void expandsVariablesAndDefaultsAndRegistersSecrets() {
        Problems p = new Problems();
        assertThat(env.expand(ConfigNode.of("Bearer ${KEY}", "h"), true, p)).isEqualTo("Bearer sk-test-123456");
        assertThat(env.expand(ConfigNode.of("${URL:-http://127.0.0.1:8089/v1}", "u"), false, p)).isEqualTo("http://127.0.0.1:8089/v1");
        assertThat(p.isEmpty()).isTrue();
        assertThat(Secrets.redact("auth failed for sk-test-123456!")).isEqualTo("auth failed for [REDACTED]!");
    }

    @Test
    void reportsAnUnsetVariable() {
        Problems p = new Problems();
        assertThat(env.expand(ConfigNode.of("${NOPE}", "targets[0].api_key"), true, p)).isNull();
        assertThat(p.list()).singleElement().hasToString("<inline>: targets[0].api_key uses ${NOPE}, which is not set in the environment. "
                + "Fix: export NOPE=... before running, or write the value in the suite");
    }
}
