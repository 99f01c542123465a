package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LedgerTargetsTest {
    private static LedgerModel of(String json) throws Exception {
        return LedgerTargets.of(new ObjectMapper().readTree(json)).orElse(null);
    }

    @Test
    void theVendorComesFromTheTypeOrTheBaseUrlHost() throws Exception {
        assertThat(of("{\"type\":\"openai\",\"base_url\":\"https://api.openai.com/v1\",\"model\":\"GPT-4o\"}")).isEqualTo(new LedgerModel("openai", "gpt-4o"));
        assertThat(of("{\"type\":\"openai\",\"base_url\":\"https://api.mistral.ai/v1\",\"model\":\"m\"}").vendor()).isEqualTo("mistral");
        assertThat(of("{\"type\":\"openai\",\"base_url\":\"https://generativelanguage.googleapis.com/v1beta/openai\",\"model\":\"m\"}").vendor()).isEqualTo("google");
        assertThat(of("{\"type\":\"openai\",\"base_url\":\"https://x.openai.azure.com/openai\",\"model\":\"m\"}").vendor()).isEqualTo("azure");
        assertThat(of("{\"type\":\"openai\",\"base_url\":\"http://127.0.0.1:8080/v1\",\"model\":\"m\"}").vendor()).isEqualTo("local");
        assertThat(of("{\"type\":\"openai\",\"base_url\":\"http://localhost:8080/v1\",\"model\":\"m\"}").vendor()).isEqualTo("local");
        assertThat(of("{\"type\":\"anthropic\",\"model\":\"claude\"}").vendor()).isEqualTo("anthropic");
        assertThat(of("{\"type\":\"llama-cpp\",\"model\":\"qwen\"}").vendor()).isEqualTo("local");
        assertThat(of("{\"type\":\"openai\",\"vendor\":\"Acme\",\"base_url\":\"https://gw.example.com\",\"model\":\"m\"}").vendor()).isEqualTo("acme");
        assertThat(of("{\"type\":\"command\"}")).isNull();
    }
}
