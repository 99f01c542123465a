package dev.fieldtest.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Resolves a dotted metric path against summary.json. A {@code *} segment matches every key of an object
 * (every index of an array) at its level; a key that holds dots (a target id such as {@code gpt-4.1}) is
 * matched by the same dotted segments. Every concrete path found is one {@link Match}; a path that leads
 * nowhere is one match with a null value and the reason. Stateless.
 */
public final class MetricPath {
    private MetricPath() {}

    /**
     * One concrete path.
     *
     * @param path   the path with every {@code *} replaced by the key it matched
     * @param target the target id when the path runs under {@code targets.<id>}, else null
     * @param value  the node found, or null when the path does not exist
     * @param absent why nothing was found (null when {@code value} is set)
     */
    public record Match(String path, String target, JsonNode value, String absent) {}

    public static List<Match> expand(JsonNode root, List<String> segments) {
        List<Match> out = new ArrayList<>();
        walk(root, segments, 0, "", null, out);
        return out;
    }

    private static void walk(JsonNode node, List<String> segs, int i, String at, String target, List<Match> out) {
        if (i == segs.size()) {
            out.add(new Match(at, target, node, null));
            return;
        }
        boolean underTargets = i == 1 && segs.get(0).equals("targets");
        String seg = segs.get(i);
        if (seg.equals("*")) {
            if (!node.isContainerNode() || node.isEmpty()) {
                out.add(absent(at, segs, i, target, (at.isEmpty() ? "summary.json" : at) + (node.isNull() ? " is null" : " has no keys for * to match")));
                return;
            }
            if (node.isArray()) {
                for (int k = 0; k < node.size(); k++) walk(node.get(k), segs, i + 1, join(at, String.valueOf(k)), target, out);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), segs, i + 1, join(at, e.getKey()), underTargets ? e.getKey() : target, out);
            }
            return;
        }
        // A plain key, or one that holds dots: the shortest run of segments naming a key wins.
        for (int j = i + 1; j <= segs.size(); j++) {
            String key = String.join(".", segs.subList(i, j));
            JsonNode child = child(node, key);
            if (child != null) {
                walk(child, segs, j, join(at, key), underTargets ? key : target, out);
                return;
            }
        }
        String where = at.isEmpty() ? "summary.json" : at;
        out.add(absent(at, segs, i, target, node.isNull() ? where + " is null"
                : where + " has no " + (node.isArray() ? "index " : "key ") + "\"" + seg + "\""));
    }

    private static JsonNode child(JsonNode node, String key) {
        if (node.isObject()) return node.get(key);
        if (node.isArray() && key.matches("\\d{1,9}")) return node.get(Integer.parseInt(key));
        return null;
    }

    private static Match absent(String at, List<String> segs, int i, String target, String reason) {
        String rest = String.join(".", segs.subList(i, segs.size()));
        return new Match(join(at, rest), target, null, reason);
    }

    private static String join(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }
}
