package dev.fieldtest.report;

import java.util.List;
import java.util.Locale;

/**
 * A public line chart on report.html's plot helpers ({@link HtmlPlot}), for pages outside this module (the
 * {@code fieldtest serve} dashboard): one polyline through the points in the given order and one
 * {@code circle class="pt"} per point whose {@code <title>} is the caller's text. Both axes start at zero; a rate
 * axis runs 0..100%. Every string is escaped here; coordinates have one decimal, so equal input gives equal bytes.
 */
public final class HtmlLineChart {
    private HtmlLineChart() {}

    /** One mark: data coordinates (x, y ≥ 0) and the tooltip text, unescaped. */
    public record Point(double x, double y, String title) {}

    /** An inline {@code <svg id=id>}; {@code yRate} draws the y axis as 0..100%. */
    public static String svg(String id, String label, String xTitle, String yTitle, boolean yRate, List<Point> points) {
        double xMax = 0, yMax = 0;
        for (Point p : points) {
            xMax = Math.max(xMax, p.x());
            yMax = Math.max(yMax, p.y());
        }
        HtmlPlot plot = new HtmlPlot(xMax, false, yMax, yRate);
        StringBuilder svg = new StringBuilder(HtmlPlot.open(HtmlEscape.text(id), HtmlPlot.WIDTH, HtmlPlot.HEIGHT, label));
        plot.axes(svg, xTitle, yTitle);
        StringBuilder pts = new StringBuilder();
        for (Point p : points) pts.append(pts.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", plot.px(p.x()), plot.py(p.y())));
        svg.append(String.format(Locale.ROOT, "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n",
                HtmlPlot.color(0), pts));
        for (Point p : points) {
            svg.append(String.format(Locale.ROOT, "<circle class=\"pt\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s</title></circle>\n",
                    plot.px(p.x()), plot.py(p.y()), HtmlPlot.color(0), HtmlEscape.text(p.title())));
        }
        return svg.append("</svg>").toString();
    }
}
