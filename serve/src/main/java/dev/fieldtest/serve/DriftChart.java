package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import dev.fieldtest.core.drift.Binned;
import dev.fieldtest.core.drift.DescriptorDrift;
import java.util.Locale;

/**
 * The drift page's chart of one descriptor: per bin (golden deciles, or categories) the share of golden inputs and
 * of production inputs as paired bars, golden first, so the bins PSI weighs are seen. The y axis starts at zero and
 * ends at the largest share rounded up to 1, 2, 4 or 8 × 10ᵏ; every label is escaped.
 */
final class DriftChart {
    static final int WIDTH = 640, HEIGHT = 200, LEFT = 62, RIGHT = 24, TOP = 12, BOTTOM = 52;
    private static final String GOLDEN = "#1f77b4", PRODUCTION = "#ff7f0e";

    private DriftChart() {}

    static String svg(DescriptorDrift d) {
        Binned b = d.bins();
        long gn = 0, pn = 0;
        for (long c : b.golden()) gn += c;
        for (long c : b.production()) pn += c;
        int k = b.labels().size();
        double max = 0;
        for (int i = 0; i < k; i++) max = Math.max(max, Math.max(share(b.golden()[i], gn), share(b.production()[i], pn)));
        double yMax = SeriesChart.nice(max), slot = (double) (WIDTH - LEFT - RIGHT) / k, plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg id=\"chart-%s\" class=\"bins\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
                text(d.name()), WIDTH, HEIGHT, WIDTH, HEIGHT, text(d.name() + ": golden and production share per bin")));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        for (int t = 0; t <= 2; t++) {
            double v = yMax * t / 2;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", LEFT - 6, TOP + plotH * (1 - v / yMax) + 4, text(Fmt.percent(v))));
        }
        for (int i = 0; i < k; i++) {
            double x0 = LEFT + slot * i;
            s.append(bar("golden", x0 + slot * 0.15, slot * 0.35, b.golden()[i], gn, yMax, plotH, GOLDEN, b.labels().get(i)));
            s.append(bar("production", x0 + slot * 0.5, slot * 0.35, b.production()[i], pn, yMax, plotH, PRODUCTION, b.labels().get(i)));
            s.append(String.format(Locale.ROOT, "<text class=\"bin\" x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>\n", x0 + slot / 2,
                    HEIGHT - BOTTOM + 14 + (i % 2) * 12, text(cut(b.labels().get(i)))));
        }
        return s.append("</svg>").toString();
    }

    private static String bar(String cls, double x, double w, long count, long total, double yMax, double plotH, String color, String label) {
        double share = share(count, total), h = plotH * share / yMax;
        return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>\n", cls, x,
                TOP + plotH - h, w, h, color, text(label + ": " + cls + " " + count + " of " + total + " (" + Fmt.percent(share) + ")"));
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }

    /** Long category names (a language, a topic) are cut for the axis; the bar's tooltip has the whole label. */
    private static String cut(String label) {
        return label.length() <= 14 ? label : label.substring(0, 13) + "…";
    }
}
