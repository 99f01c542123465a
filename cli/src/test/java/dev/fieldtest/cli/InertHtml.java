package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Hostile model output for the HTML views, and a check, on the page as a browser's parser builds it (Jsoup follows
 * the HTML5 parsing rules), that none of it became markup: no script, handler, javascript: link or element of its own.
 */
final class InertHtml {
    /** Every payload sets window.__pwned or the title, so anything of it that became code or markup says "pwned". */
    static final String PAYLOAD = "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> \"><svg onload=window.__pwned=1> "
            + "'><svg/onload=window.__pwned=1> [click](javascript:window.__pwned=1) <a href=\"javascript:window.__pwned=1\">link</a> "
            + "</textarea><script>window.__pwned=1</script> </title><script>document.title='pwned'</script> "
            + "<iframe src=\"javascript:window.__pwned=1\"></iframe> </pre></td></tr></table><b onmouseover=window.__pwned=1>x</b> <!-- end";
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href", "data");

    private InertHtml() {}

    /** Parses {@code html} and fails if any part of {@link #PAYLOAD} is markup in it; returns the document for more checks. */
    static Document assertInert(String html, String view) {
        Document doc = Jsoup.parse(html);
        assertThat(doc.title()).as(view + ": title").doesNotContain("pwned");
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script") && !e.attr("type").equals("application/json")) {
                assertThat(e.data()).as(view + ": a script element's code").doesNotContain("pwned");
            }
            assertThat(tag).as(view + ": an element from the payload").isNotIn("iframe", "textarea");
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) assertThat(value).as(view + ": handler %s on <%s>", key, tag).doesNotContain("pwned");
                if (URL_ATTRIBUTES.contains(key)) assertThat(value.strip()).as(view + ": %s of <%s>", key, tag).doesNotStartWith("javascript:");
                if (Set.of("img", "svg", "a", "b").contains(tag)) assertThat(value).as(view + ": <%s %s> from the payload", tag, key).doesNotContain("pwned");
            }
        }
        return doc;
    }
}
