package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG chart for the production and ledger pages: several series of points (a polyline through each, one
 * {@code circle class="pt"} per point with a {@code <title>}), an optional horizontal reference line (a claim) and
 * vertical marks (silent model changes). Both axes start at zero, because report.html's do; every string is escaped.
 * report's HtmlLineChart draws one series only, so this draws its own, with the same look.
 */
final class SeriesChart {
    static final int WIDTH = 640, HEIGHT = 300, LEFT = 62, RIGHT = 24, TOP = 16, BOTTOM = 44;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    private SeriesChart() {}

    /** A mark at data coordinates, its tooltip text unescaped. */
    record Point(double x, double y, String title) {}

    /** A named series; {@code line} joins its points in order. */
    record Series(String name, List<Point> points, boolean line) {}

    /** A vertical mark at x, drawn as a dashed line with a tooltip. */
    record Mark(double x, String title) {}

    /** A horizontal line at y (the claimed value), or null for none. */
    record Level(double y, String title) {}

    static String svg(String id, String label, String xTitle, String yTitle, List<Series> series, Level level, List<Mark> marks) {
        double xMax = 0, yMax = 0;
        for (Series s : series) for (Point p : s.points()) { xMax = Math.max(xMax, p.x()); yMax = Math.max(yMax, p.y()); }
        for (Mark m : marks) xMax = Math.max(xMax, m.x());
        if (level != null) yMax = Math.max(yMax, level.y());
        xMax = nice(xMax);
        yMax = nice(yMax);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
                text(id), WIDTH, HEIGHT, WIDTH, HEIGHT, text(label)));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        for (int i = 0; i <= 4; i++) {
            double yv = yMax * i / 4, xv = xMax * i / 4;
            b.append(String.format(Locale.ROOT, "<text class=\"ytick\" x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", LEFT - 6, py(yv, yMax) + 4, text(Fmt.number(yv))));
            b.append(String.format(Locale.ROOT, "<text class=\"xtick\" x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n", px(xv, xMax), HEIGHT - BOTTOM + 16, text(Fmt.number(xv))));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 6, text(xTitle)));
        b.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 12 %d)\">%s</text>\n",
                (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2, text(yTitle)));
        if (level != null) {
            b.append(String.format(Locale.ROOT, "<line class=\"level\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#a00\" stroke-width=\"2\"><title>%s</title></line>\n",
                    LEFT, py(level.y(), yMax), WIDTH - RIGHT, py(level.y(), yMax), text(level.title())));
        }
        for (Mark m : marks) {
            b.append(String.format(Locale.ROOT, "<line class=\"mark\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"><title>%s</title></line>\n",
                    px(m.x(), xMax), TOP, px(m.x(), xMax), HEIGHT - BOTTOM, text(m.title())));
        }
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            String color = COLORS[s % COLORS.length];
            if (se.line() && se.points().size() > 1) {
                StringBuilder pts = new StringBuilder();
                for (Point p : se.points()) pts.append(pts.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", px(p.x(), xMax), py(p.y(), yMax)));
                b.append(String.format(Locale.ROOT, "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n", color, pts));
            }
            for (Point p : se.points()) {
                b.append(String.format(Locale.ROOT, "<circle class=\"pt\" data-series=\"%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s</title></circle>\n",
                        s, px(p.x(), xMax), py(p.y(), yMax), color, text(p.title())));
            }
        }
        return b.append("</svg>").toString();
    }

    /** The legend: each series' name in its colour. */
    static String legend(List<Series> series) {
        StringBuilder b = new StringBuilder("<ul class=\"legend\">");
        for (int s = 0; s < series.size(); s++) {
            b.append("<li><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"").append(COLORS[s % COLORS.length]).append("\"/></svg> ")
                    .append(text(series.get(s).name())).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    static double px(double x, double xMax) {
        return LEFT + (WIDTH - LEFT - RIGHT) * x / xMax;
    }

    static double py(double y, double yMax) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - y / yMax);
    }

    /** The axis maximum: the smallest of 1, 2, 4, 8 × 10^k at or above v (1 for v ≤ 0), so that its quarters are round numbers. */
    static double nice(double v) {
        if (!(v > 0) || !Double.isFinite(v)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 4, 8, 10}) if (m * p >= v * (1 - 1e-12)) return m * p;
        return 10 * p;
    }
}
