package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class LoadChartTest {
    @Test
    void onePolylinePerSeriesWithAPointPerOpenStepAndTheCollapseMarked() throws Exception {
        String svg = LoadChart.svg(LoadFixtures.read("sweep"));
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        List<Element> lines = elements(doc, "polyline");
        assertThat(lines).extracting(l -> l.getAttribute("data-series")).containsExactly("p50", "p95", "p99", "achieved");
        assertThat(lines).allSatisfy(l -> assertThat(l.getAttribute("points").split(" ")).hasSize(4));
        String lastPoint = lines.getLast().getAttribute("points").split(" ")[3];
        List<Element> markers = elements(doc, "line").stream()
                .filter(l -> l.getAttribute("stroke").equals("#e7298a") && l.getAttribute("x1").equals(l.getAttribute("x2"))).toList();
        assertThat(markers).hasSize(2).last().satisfies(m -> assertThat(lastPoint).startsWith(m.getAttribute("x1") + ","));
        assertThat(elements(doc, "line")).anySatisfy(l -> assertThat(l.getAttribute("stroke-dasharray")).isEqualTo("5 4"));
        // the invalid step's dot is hollow on each of the four series (plus the legend's)
        assertThat(elements(doc, "circle").stream().filter(c -> c.getAttribute("fill").equals("#fff"))).hasSize(5);
        assertThat(elements(doc, "text")).extracting(Element::getTextContent)
                .contains("minilm", "offered rps", "corrected latency ms", "achieved rps", "80", "8000", "collapse");
        assertThat(svg).doesNotContain("<script", "href", "<style", "url(", "<image");
    }

    @Test
    void theSameInputGivesTheSameBytesWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        String root = LoadChart.svg(LoadFixtures.read("sweep"));
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(LoadChart.svg(LoadFixtures.read("sweep"))).isEqualTo(root);
        } finally {
            Locale.setDefault(before);
        }
        assertThat(root).contains("<rect x=\"58.0\" y=\"62.0\"");
    }

    @Test
    void aHostileTargetIdIsEscapedAndReadsBackIntact() throws Exception {
        var load = LoadFixtures.read("hostile");
        String svg = LoadChart.svg(load);
        assertThat(svg).doesNotContain("<script").contains("a|b&lt;script&gt;alert(1)&lt;/script&gt;*x &amp; &quot;q&quot;");
        assertThat(elements(parse(svg), "text")).extracting(Element::getTextContent).contains(load.path("targets").path(0).path("target").asText());
    }

    @Test
    void targetsWithoutOpenStepsAreLeftOut() throws Exception {
        Document aborted = parse(LoadChart.svg(LoadFixtures.read("aborted")));
        assertThat(elements(aborted, "polyline")).hasSize(4).allSatisfy(l -> assertThat(l.getAttribute("points").split(" ")).hasSize(1));
        assertThat(elements(aborted, "text")).extracting(Element::getTextContent).contains("fast").doesNotContain("slow");
        Document closed = parse(LoadChart.svg(LoadFixtures.read("closed")));
        assertThat(elements(closed, "polyline")).isEmpty();
        assertThat(elements(closed, "text")).extracting(Element::getTextContent).contains("No open-loop steps: nothing to plot against offered rate.");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }
}
