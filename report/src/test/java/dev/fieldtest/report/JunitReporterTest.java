package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** junit.xml against docs/junit.xsd, with counts and names read back by an XML parser. */
class JunitReporterTest {
    static final Path XSD = Path.of("..", "docs", "junit.xsd");
    /** Every XML special character, a quote of each kind, a line break, a tab and a control character. */
    static final String NASTY = "p95 <fast> & \"cheap\" 'too'\n\tbell\u0007]]>";
    private static final String SUMMARY = """
            {"run_id": "r1", "status": "complete", "started_at": "2026-11-29T09:40:00.123456Z", "wall_ms": 12345,
             "provenance": {"suite": {"name": "caps & <co>"}},
             "properties": [
               {"name": "accurate", "metric": "targets.m.pass_rate.value", "target": "m", "value": 0.8, "min": 0.8, "max": null,
                "status": "pass", "owner": "Ana", "review": ["week12", "quarterly"], "reason": null},
               {"name": %s, "metric": "targets.m.latency_ms.p95", "target": "m", "value": 312.5, "min": null, "max": 250.0,
                "status": "fail", "owner": "Bo <bo@example.com>", "review": ["week4"], "reason": "312.5 is above max 250"},
               {"name": "streams", "metric": "targets.m.ttft_ms.p95", "target": "m", "value": null, "min": null, "max": 500.0,
                "status": "missing", "owner": "Cy", "review": ["quarterly"], "reason": "targets.m has no key \\"ttft_ms\\""},
               {"name": "quick", "metric": "wall_ms", "target": null, "value": 12345, "min": null, "max": 60000,
                "status": "pass", "owner": "Di", "review": ["week12"], "reason": null}]}
            """;

    private static JsonNode summary() throws Exception {
        return new ObjectMapper().readTree(SUMMARY.formatted(new ObjectMapper().writeValueAsString(NASTY)));
    }

    static void validate(String xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.toFile());
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void isValidAgainstTheSchemaWithCountsTimeAndTimestamp(@TempDir Path dir) throws Exception {
        new JunitReporter().write(dir, summary(), List.of());
        String xml = Files.readString(dir.resolve("junit.xml"));
        validate(xml);
        Element suite = (Element) parse(xml).getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("fieldtest properties");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2"); // one fail + one missing
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).isEqualTo("12.345");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-29T09:40:00");
    }

    @Test
    void everyNameSurvivesEscapingAndFailuresCarryValueAndBound() throws Exception {
        String xml = new JunitReporter().render(summary());
        validate(xml);
        NodeList cases = parse(xml).getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element fast = (Element) cases.item(1);
        // Tabs and line breaks are kept as references; the bell, which XML 1.0 cannot hold, becomes U+FFFD.
        assertThat(fast.getAttribute("name")).isEqualTo("p95 <fast> & \"cheap\" 'too'\n\tbell\uFFFD]]>");
        assertThat(fast.getAttribute("classname")).isEqualTo("caps & <co>.m");
        Element failure = (Element) fast.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("fail");
        assertThat(failure.getAttribute("message")).isEqualTo("targets.m.latency_ms.p95: 312.5 is above max 250");
        assertThat(failure.getTextContent()).isEqualTo("metric: targets.m.latency_ms.p95\nvalue: 312.5\nbound: ≤ 250\n"
                + "owner: Bo <bo@example.com>\nreview: week4\n");
        Element streams = (Element) cases.item(2);
        Element missing = (Element) streams.getElementsByTagName("failure").item(0);
        assertThat(missing.getAttribute("type")).isEqualTo("missing");
        assertThat(missing.getAttribute("message")).isEqualTo("targets.m has no key \"ttft_ms\"");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) cases.item(3)).getAttribute("classname")).isEqualTo("caps & <co>"); // not under targets
    }

    @Test
    void aSuiteWithoutPropertiesStillWritesAValidEmptyFile() throws Exception {
        String xml = new JunitReporter().render(new ObjectMapper().readTree("{\"provenance\": {\"suite\": {\"name\": \"s\"}}}"));
        validate(xml);
        assertThat(parse(xml).getElementsByTagName("testcase").getLength()).isZero();
        assertThat(xml).contains("tests=\"0\" failures=\"0\"");
    }

    @Test
    void theSchemaRejectsWhatCiReadersWouldNot() {
        String noCounts = "<testsuites><testsuite name=\"x\"><testcase classname=\"a\" name=\"b\"/></testsuite></testsuites>";
        String twoFailures = "<testsuite name=\"x\" tests=\"1\" failures=\"2\" errors=\"0\"><testcase classname=\"a\" name=\"b\">"
                + "<failure/><failure/></testcase></testsuite>";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validate(noCounts)).hasMessageContaining("tests");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validate(twoFailures)).hasMessageContaining("failure");
    }
}
