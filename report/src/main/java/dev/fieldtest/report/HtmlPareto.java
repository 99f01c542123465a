package dev.fieldtest.report;

import java.util.List;

/**
 * Which targets are on the cost–quality–latency Pareto front: a target is on it when no other target is at
 * least as good on all three (lower or equal cost per success, higher or equal pass rate, lower or equal p95
 * latency) and strictly better on one. Targets without a cost per success (nothing passed) are never on it.
 */
final class HtmlPareto {
    /** One target's three figures; {@code costPerSuccess} or {@code p95} null when not measured. */
    record Point(String target, Double costPerSuccess, double passRate, Double p95) {}

    private HtmlPareto() {}

    static List<String> front(List<Point> points) {
        return points.stream().filter(p -> p.costPerSuccess() != null)
                .filter(p -> points.stream().noneMatch(q -> q != p && dominates(q, p)))
                .map(Point::target).toList();
    }

    static boolean dominates(Point a, Point b) {
        if (a.costPerSuccess() == null) return false;
        double aLat = a.p95() == null ? Double.POSITIVE_INFINITY : a.p95(), bLat = b.p95() == null ? Double.POSITIVE_INFINITY : b.p95();
        boolean noWorse = a.costPerSuccess() <= b.costPerSuccess() && a.passRate() >= b.passRate() && aLat <= bLat;
        boolean better = a.costPerSuccess() < b.costPerSuccess() || a.passRate() > b.passRate() || aLat < bLat;
        return noWorse && better;
    }
}
