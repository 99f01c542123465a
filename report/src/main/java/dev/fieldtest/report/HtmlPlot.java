package dev.fieldtest.report;

import java.util.Locale;

/**
 * One plot area of an inline SVG chart in report.html: linear axes from zero to a round maximum (ticks at 1-2-5
 * steps, or at fixed fractions for rates), and data-to-pixel mapping for the marks a chart draws itself.
 * Coordinates are written with one decimal in {@link Locale#ROOT}, so the same data gives the same bytes.
 */
final class HtmlPlot {
    static final int WIDTH = 520, HEIGHT = 300;
    private static final double LEFT = 62, RIGHT = 34, TOP = 16, BOTTOM = 44; // RIGHT leaves room for the last x tick label
    private final double xMax, yMax, xStep, yStep;
    private final boolean xRate, yRate;

    /** A rate axis runs 0..1 and is labelled in percent; any other axis runs 0..a round maximum above the data. */
    HtmlPlot(double dataXMax, boolean xRate, double dataYMax, boolean yRate) {
        this.xRate = xRate;
        this.yRate = yRate;
        xStep = xRate ? 0.2 : step(dataXMax);
        yStep = yRate ? 0.2 : step(dataYMax);
        xMax = xRate ? 1 : Math.max(xStep, Math.ceil(dataXMax / xStep - 1e-9) * xStep);
        yMax = yRate ? 1 : Math.max(yStep, Math.ceil(dataYMax / yStep - 1e-9) * yStep);
    }

    /** The opening svg tag with its id and accessible name; the caller closes it. */
    static String open(String id, int width, int height, String label) {
        return String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"11\">\n",
                id, width, height, width, height, HtmlEscape.text(label));
    }

    void axes(StringBuilder svg, String xTitle, String yTitle) {
        double bottom = TOP + plotHeight();
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#bbb\"/>\n",
                LEFT, TOP, plotWidth(), plotHeight()));
        for (int i = 0; i * xStep <= xMax + xStep * 1e-6; i++) {
            double v = i * xStep;
            svg.append(line(px(v), bottom, px(v), bottom + 4, "#888", "")).append(text(px(v), bottom + 16, "middle", label(v, xRate), ""));
        }
        for (int i = 0; i * yStep <= yMax + yStep * 1e-6; i++) {
            double v = i * yStep;
            svg.append(line(LEFT, py(v), LEFT + plotWidth(), py(v), "#eee", "")).append(text(LEFT - 6, py(v) + 4, "end", label(v, yRate), ""));
        }
        svg.append(text(LEFT + plotWidth() / 2, bottom + 34, "middle", HtmlEscape.text(xTitle), ""));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>\n",
                TOP + plotHeight() / 2, TOP + plotHeight() / 2, HtmlEscape.text(yTitle)));
    }

    double px(double v) {
        return LEFT + plotWidth() * Math.min(v, xMax) / xMax;
    }

    double py(double v) {
        return TOP + plotHeight() * (1 - Math.min(v, yMax) / yMax);
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static String label(double v, boolean rate) {
        return rate ? String.format(Locale.ROOT, "%.0f%%", v * 100) : LoadFigures.tick(v);
    }

    /** A round tick step giving about five ticks up to {@code max}. */
    static double step(double max) {
        if (!(max > 0) || !Double.isFinite(max)) return 1;
        double raw = max / 5, magnitude = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    static String line(double x1, double y1, double x2, double y2, String color, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>\n", x1, y1, x2, y2, color, extra);
    }

    /** A text element; {@code escaped} must already be escaped, {@code extra} holds further attributes. */
    static String text(double x, double y, String anchor, String escaped, String extra) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>\n", x, y, anchor, extra, escaped);
    }

    /** The colour of target number {@code i} (ColorBrewer Dark2, then repeating). */
    static String color(int i) {
        String[] palette = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"};
        return palette[i % palette.length];
    }
}
