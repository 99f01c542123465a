package dev.fieldtest.core.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StructuredTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADA = "{\"name\": \"Ada\", \"age\": 36, \"city\": \"London\", \"vip\": true}";

    @Test
    void reorderShufflesJsonFieldsKeepingDataAndStyle() throws Exception {
        Object out = new Reorder().apply(ADA, TextPerturbationsTest.rnd("reorder"));
        assertThat(out).isEqualTo("{\"name\": \"Ada\", \"city\": \"London\", \"age\": 36, \"vip\": true}");
        assertThat(JSON.readTree((String) out)).isEqualTo(JSON.readTree(ADA));
        assertThat(new Reorder().apply("{\"a\":1,\"b\":2}", new Random(3))).isEqualTo("{\"b\":2,\"a\":1}");
    }

    @Test
    void reorderAlwaysChangesTheOrderOfTwoOrMoreFields() {
        for (int seed = 0; seed < 20; seed++) {
            assertThat(new Reorder().apply("{\"a\": 1, \"b\": 2}", new Random(seed))).isEqualTo("{\"b\": 2, \"a\": 1}");
        }
    }

    @Test
    void reorderLinesAndMaps() {
        assertThat(new Reorder().apply("name: Ada\nage: 36\ncity: London", TextPerturbationsTest.rnd("reorder-lines")))
                .isEqualTo("city: London\nname: Ada\nage: 36");
        Map<String, Object> m = new LinkedHashMap<>(Map.of("x", 1));
        m.put("y", 2);
        assertThat(new Reorder().apply(m, new Random(0))).isEqualTo(m);
        assertThat(((Map<?, ?>) new Reorder().apply(m, new Random(0))).keySet()).isNotEqualTo(m.keySet().stream().toList());
        assertThat(new Reorder().apply("just a sentence", new Random(0))).isEqualTo("just a sentence");
    }

    @Test
    void formatSwapsJsonAndLinesBothWaysWithoutLosingData() throws Exception {
        String in = "{\"name\": \"Ada\", \"age\": 36, \"zip\": \"01234\", \"code\": \"42\", \"tags\": [\"a\",\"b\"]}";
        String lines = (String) new Format("lines").apply(in, null);
        // "42" as text must stay text, so it is quoted; "01234" is not a JSON number, so it needs no quotes.
        assertThat(lines).isEqualTo("name: Ada\nage: 36\nzip: 01234\ncode: \"42\"\ntags: [\"a\",\"b\"]");
        String back = (String) new Format("lines").apply(lines, null);
        assertThat(back).isEqualTo("{\"name\": \"Ada\", \"age\": 36, \"zip\": \"01234\", \"code\": \"42\", \"tags\": [\"a\",\"b\"]}");
        JsonNode original = JSON.readTree(in);
        assertThat(JSON.readTree(back)).isEqualTo(original);
    }

    @Test
    void formatToCsvForFlatObjects() throws Exception {
        String csv = (String) new Format("csv").apply("{\"name\": \"Ada, Countess\", \"age\": 36}", null);
        assertThat(csv).isEqualTo("name,age\n\"Ada, Countess\",36");
        assertThat(JSON.readTree((String) new Format("csv").apply(csv, null))).isEqualTo(JSON.readTree("{\"name\": \"Ada, Countess\", \"age\": 36}"));
        // A nested value cannot be a CSV cell: lines instead.
        assertThat(new Format("csv").apply("{\"a\": {\"b\": 1}, \"c\": 2}", null)).isEqualTo("a: {\"b\":1}\nc: 2");
    }

    @Test
    void formatLeavesOtherValuesAlone() {
        assertThat(new Format("lines").apply("no structure here", null)).isEqualTo("no structure here");
        assertThat(new Format("lines").apply(List.of(1, 2), null)).isEqualTo(List.of(1, 2));
        assertThat(new Format("lines").apply(Map.of("k", "v"), null)).isEqualTo("k: v");
    }
}
