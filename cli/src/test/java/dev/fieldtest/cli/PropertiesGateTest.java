package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Properties as a CI gate, end to end over loopback HTTP: the stub answers France right and Italy wrong,
 * so the pass rate is 1 of 2 = 0.5 by construction, and the target does not stream (no ttft_ms).
 */
class PropertiesGateTest {
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String properties, Path runDir) throws Exception {
        server.respondWith(r -> Behavior.reply(r.lastUserMessage().contains("France") ? "Paris" : "Milan"));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                name: capitals
                prompt: "Capital of {{country}}?"
                cases:
                  - {id: fr, vars: {country: France}, expected: Paris}
                  - {id: it, vars: {country: Italy}, expected: Rome}
                targets: [{id: m, type: openai, base_url: "${STUB}", model: m-1}]
                checks: [{type: icontains, value: "{{expected}}"}]
                properties:
                """ + properties);
        var driver = new RunDriver(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true);
        return driver.run(suite, runDir, new RunDriver.Overrides(null, null), new Env(Map.of("STUB", server.baseUrl())));
    }

    private static Element junitSuite(Path runDir) throws Exception {
        Path xml = runDir.resolve("junit.xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of("..", "docs", "junit.xsd").toFile())
                .newValidator().validate(new StreamSource(xml.toFile()));
        return (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getElementsByTagName("testsuite").item(0);
    }

    @Test
    void aFailingOrMissingPropertyExitsWith1AfterWritingEverything() throws Exception {
        Path runDir = dir.resolve("out");
        int code = run("""
                  - {name: half right, metric: targets.*.pass_rate.value, min: 0.5, owner: Ana}
                  - {name: mostly right, metric: targets.*.pass_rate.value, min: 0.75, owner: Ana, review: [week4]}
                  - {name: first token fast, metric: targets.*.ttft_ms.p95, max: 1000, owner: Bo}
                """, runDir);

        assertThat(code).as(err.toString()).isEqualTo(1);
        JsonNode props = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile()).path("properties");
        assertThat(props).hasSize(3);
        assertThat(props.path(0).path("status").asText()).isEqualTo("pass"); // 0.5 == min
        assertThat(props.path(0).path("value").asDouble()).isEqualTo(0.5);
        assertThat(props.path(0).path("target").asText()).isEqualTo("m");
        assertThat(props.path(1).path("status").asText()).isEqualTo("fail");
        assertThat(props.path(1).path("reason").asText()).isEqualTo("0.5 is below min 0.75");
        assertThat(props.path(2).path("status").asText()).isEqualTo("missing");
        assertThat(props.path(2).path("metric").asText()).isEqualTo("targets.m.ttft_ms.p95");
        Element suite = junitSuite(runDir);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(Files.readString(runDir.resolve("report.md"))).contains("## Properties", "| **fail** | mostly right | m | 0.5 | ≥ 0.75 | Ana |");
        assertThat(err.toString()).contains("fieldtest: property fail: mostly right on m: 0.5 is below min 0.75");
    }

    @Test
    void whenEveryPropertyHoldsTheRunExitsWith0() throws Exception {
        Path runDir = dir.resolve("out");
        int code = run("""
                  - {name: half right, metric: targets.*.pass_rate.value, min: 0.5, owner: Ana}
                  - {name: every call made, metric: targets.m.calls, min: 2, max: 2, owner: Ana}
                """, runDir);

        assertThat(code).as(err.toString()).isZero();
        JsonNode props = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile()).path("properties");
        assertThat(props).extracting(p -> p.path("status").asText()).containsExactly("pass", "pass");
        Element suite = junitSuite(runDir);
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
    }
}
