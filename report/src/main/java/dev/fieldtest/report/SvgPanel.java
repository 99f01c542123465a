package dev.fieldtest.report;

import java.util.List;
import java.util.Locale;

/**
 * One plot area of load.svg: linear axes from zero to a round maximum, ticks at 1-2-5 steps, and drawing in
 * data coordinates. Coordinates are written with one decimal in {@link Locale#ROOT}, so output is deterministic.
 */
final class SvgPanel {
    private static final double LEFT = 58, RIGHT = 18, TOP = 36, BOTTOM = 38, PAD = 8;
    private final double left, top, width, height, xMax, yMax, xStep, yStep;

    SvgPanel(double x, double y, double w, double h, double dataXMax, double dataYMax) {
        left = x + LEFT;
        top = y + TOP;
        width = w - LEFT - RIGHT - PAD;
        height = h - TOP - BOTTOM;
        xStep = step(dataXMax);
        yStep = step(dataYMax);
        xMax = Math.max(xStep, Math.ceil(dataXMax / xStep - 1e-9) * xStep);
        yMax = Math.max(yStep, Math.ceil(dataYMax / yStep - 1e-9) * yStep);
    }

    /** Frame, ticks with labels, and both axis titles. */
    void axes(StringBuilder svg, String xTitle, String yTitle) {
        double bottom = top + height;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#888\"/>\n",
                left, top - PAD, width + PAD, height + PAD));
        for (int i = 0; i * xStep <= xMax + xStep * 1e-6; i++) {
            double px = x(i * xStep);
            svg.append(line(px, bottom, px, bottom + 4, "#888", "")).append(text(px, bottom + 16, "middle", LoadFigures.tick(i * xStep)));
        }
        for (int i = 0; i * yStep <= yMax + yStep * 1e-6; i++) {
            double py = y(i * yStep);
            svg.append(line(left - 4, py, left, py, "#888", "")).append(text(left - 7, py + 4, "end", LoadFigures.tick(i * yStep)));
        }
        svg.append(text(left + width / 2, bottom + 32, "middle", escape(xTitle)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">%s</text>\n",
                left - 44, top + height / 2, left - 44, top + height / 2, escape(yTitle)));
    }

    /** A polyline through the points ({x, y, valid} in data units, valid 0 or 1), with a dot on each: hollow if invalid. */
    void series(StringBuilder svg, String name, String color, List<double[]> points) {
        StringBuilder pts = new StringBuilder();
        for (double[] p : points) pts.append(pts.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x(p[0]), y(p[1])));
        svg.append(String.format(Locale.ROOT, "<polyline data-series=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>\n",
                escape(name), color, pts));
        for (double[] p : points) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\" stroke=\"%s\"/>\n",
                    x(p[0]), y(p[1]), p[2] > 0 ? color : "#fff", color));
        }
    }

    /** The dashed line y = x, as far as both axes reach. */
    void diagonal(StringBuilder svg, String color) {
        double end = Math.min(xMax, yMax);
        svg.append(line(x(0), y(0), x(end), y(end), color, " stroke-dasharray=\"5 4\""));
    }

    /** A dashed vertical line across the plot at data x. */
    void marker(StringBuilder svg, double dataX, String color) {
        svg.append(line(x(dataX), top - PAD, x(dataX), top + height, color, " stroke-dasharray=\"3 3\" stroke-width=\"1.5\""));
    }

    private double x(double v) {
        return left + width * v / xMax;
    }

    private double y(double v) {
        return top + height * (1 - v / yMax);
    }

    /** A round tick step giving about five ticks up to {@code max}. */
    private static double step(double max) {
        if (!(max > 0) || !Double.isFinite(max)) return 1;
        double raw = max / 5, magnitude = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    static String line(double x1, double y1, double x2, double y2, String color, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>\n", x1, y1, x2, y2, color, extra);
    }

    /** A text element; {@code escaped} must already be XML-escaped. */
    static String text(double x, double y, String anchor, String escaped) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n", x, y, anchor, escaped);
    }

    /** Text made safe for XML content and attributes (the same escaping as the HTML pages, valid in SVG). */
    static String escape(String s) {
        return HtmlEscape.text(s);
    }
}
