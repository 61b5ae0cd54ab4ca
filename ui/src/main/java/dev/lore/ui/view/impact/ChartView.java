package dev.lore.ui.view.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small chart drawn as inline SVG by {@code partial/chart.jte}: bars per category (one bar per
 * series, side by side) or lines, with the geometry worked out here so the template only draws.
 * Values may be null (no data: no bar, a gap in the line). Coordinates are in a fixed viewBox.
 */
public record ChartView(
        String id,
        String title,
        String description,
        List<Bar> bars,
        List<Line> lines,
        List<Tick> ticks,
        List<Label> labels,
        List<String> legend) {
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final double LEFT = 44;
    static final double RIGHT = WIDTH - 8;
    static final double TOP = 12;
    static final double BOTTOM = HEIGHT - 28;

    // the viewBox and the plot area, for the template
    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public double left() {
        return LEFT;
    }

    public double right() {
        return RIGHT;
    }

    public double top() {
        return TOP;
    }

    public double bottom() {
        return BOTTOM;
    }

    /** A bar of series {@code series} (0-based, for its colour), with its value as a tooltip. */
    public record Bar(double x, double y, double w, double h, int series, String label) {}

    /** A line of one series: its unbroken segments as SVG points, and a dot per value. */
    public record Line(int series, List<String> segments, List<Dot> dots) {}

    public record Dot(double x, double y, String label) {}

    /** A horizontal grid line at {@code y} with its value. */
    public record Tick(double y, String text) {}

    /** A category label under the axis. */
    public record Label(double x, String text) {}

    /** One named series of values, one per category. */
    public record Series(String name, List<Double> values) {}

    /** Bars, side by side per category, on a scale from zero to a round number above the largest value. */
    public static ChartView bars(
            String id, String title, String description, List<String> categories, List<Series> series) {
        double max = niceMax(series);
        int n = Math.max(1, categories.size());
        double slot = (RIGHT - LEFT) / n;
        double group = slot * 0.7;
        double barWidth = group / Math.max(1, series.size());
        var bars = new ArrayList<Bar>();
        for (int i = 0; i < categories.size(); i++) {
            for (int s = 0; s < series.size(); s++) {
                Double v = series.get(s).values().get(i);
                if (v == null || v == 0) {
                    continue;
                }
                double h = (BOTTOM - TOP) * v / max;
                double x = LEFT + i * slot + (slot - group) / 2 + s * barWidth;
                bars.add(new Bar(
                        r(x),
                        r(BOTTOM - h),
                        r(barWidth * 0.92),
                        r(h),
                        s,
                        categories.get(i) + ", " + series.get(s).name() + ": " + format(v, false)));
            }
        }
        return new ChartView(
                id, title, description, bars, List.of(), ticks(max, false), labels(categories, slot), names(series));
    }

    /** Lines through each category's value; {@code percent} shows values (0-1) as percentages. */
    public static ChartView lines(
            String id,
            String title,
            String description,
            List<String> categories,
            List<Series> series,
            boolean percent) {
        double max = percent ? 1 : niceMax(series);
        int n = Math.max(1, categories.size());
        double slot = (RIGHT - LEFT) / n;
        var lines = new ArrayList<Line>();
        for (int s = 0; s < series.size(); s++) {
            var segments = new ArrayList<String>();
            var dots = new ArrayList<Dot>();
            var current = new StringBuilder();
            for (int i = 0; i < categories.size(); i++) {
                Double v = series.get(s).values().get(i);
                if (v == null) {
                    if (!current.isEmpty()) {
                        segments.add(current.toString().strip());
                        current.setLength(0);
                    }
                    continue;
                }
                double x = r(LEFT + i * slot + slot / 2);
                double y = r(BOTTOM - (BOTTOM - TOP) * Math.min(v, max) / max);
                current.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                dots.add(new Dot(x, y, categories.get(i) + ", " + series.get(s).name() + ": " + format(v, percent)));
            }
            if (!current.isEmpty()) {
                segments.add(current.toString().strip());
            }
            lines.add(new Line(s, segments, dots));
        }
        return new ChartView(
                id, title, description, List.of(), lines, ticks(max, percent), labels(categories, slot), names(series));
    }

    private static List<String> names(List<Series> series) {
        return series.stream().map(Series::name).toList();
    }

    /** At most about 13 labels: every k-th category. */
    private static List<Label> labels(List<String> categories, double slot) {
        int every = Math.max(1, (int) Math.ceil(categories.size() / 13.0));
        var labels = new ArrayList<Label>();
        for (int i = 0; i < categories.size(); i += every) {
            labels.add(new Label(r(LEFT + i * slot + slot / 2), categories.get(i)));
        }
        return labels;
    }

    private static List<Tick> ticks(double max, boolean percent) {
        var ticks = new ArrayList<Tick>();
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            ticks.add(new Tick(r(BOTTOM - (BOTTOM - TOP) * i / 4), format(v, percent)));
        }
        return ticks;
    }

    /** The smallest of 4, 8, 12, 20, 40, ... (times a power of ten) at or above every value. */
    private static double niceMax(List<Series> series) {
        double max = series.stream()
                .flatMap(s -> s.values().stream())
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        if (max <= 4) {
            return 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double v, boolean percent) {
        if (percent) {
            return Math.round(v * 100) + "%";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
