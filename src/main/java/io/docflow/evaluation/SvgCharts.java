package io.docflow.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG, so the HTML report is one file that opens anywhere without scripts: grouped
 * horizontal bars (0 to 1), a reliability diagram, and a scatter of cost against accuracy. One colour per
 * configuration, in the order the report lists them.
 */
final class SvgCharts {

    static final List<String> COLOURS = List.of("#1f6fb2", "#d9822b", "#3a9a5b", "#8e44ad");

    /** One row of bars: a label and one value (0 to 1, NaN for none) per configuration. */
    record Bars(String label, List<Double> values) {
    }

    /** One configuration's points on a chart. */
    record Series(String label, List<double[]> points) {
    }

    private SvgCharts() {
    }

    static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    static String bars(String title, List<Bars> rows, int seriesCount) {
        int labelWidth = 260;
        int plotWidth = 420;
        int barHeight = 12;
        int rowHeight = barHeight * seriesCount + 8;
        int height = rows.size() * rowHeight + 30;
        StringBuilder svg = open(title, labelWidth + plotWidth + 60, height);
        for (int tick = 0; tick <= 4; tick++) {
            double x = labelWidth + plotWidth * tick / 4.0;
            svg.append(line(x, 0, x, height - 20, "#ddd"));
            svg.append(text(x, height - 6, "%.2f".formatted(tick / 4.0), "middle", 11));
        }
        for (int r = 0; r < rows.size(); r++) {
            Bars row = rows.get(r);
            double y = r * rowHeight + 4;
            svg.append(text(labelWidth - 6, y + rowHeight / 2.0 + 3, row.label(), "end", 11));
            for (int s = 0; s < row.values().size(); s++) {
                double value = row.values().get(s);
                double barY = y + s * barHeight;
                if (Double.isNaN(value)) {
                    svg.append(text(labelWidth + 4, barY + barHeight - 2, "n/a", "start", 10));
                    continue;
                }
                svg.append("<rect x=\"%d\" y=\"%s\" width=\"%s\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>"
                        .formatted(labelWidth, num(barY), num(Math.max(1, plotWidth * value)), barHeight - 2, colour(s),
                                HtmlText.escape(row.label() + ": " + "%.3f".formatted(value))));
                svg.append(text(labelWidth + plotWidth * value + 4, barY + barHeight - 2, "%.2f".formatted(value), "start", 10));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Reliability diagram: mean confidence (x) against accuracy (y) per bin; the diagonal is perfect calibration. */
    static String calibration(String title, List<Series> series) {
        int size = 320;
        int margin = 40;
        StringBuilder svg = open(title, size + 2 * margin, size + 2 * margin);
        svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>".formatted(margin, margin, size, size));
        svg.append(line(margin, margin + size, margin + size, margin, "#aaa"));
        for (int tick = 0; tick <= 4; tick++) {
            double v = tick / 4.0;
            svg.append(text(margin + size * v, margin + size + 16, "%.2f".formatted(v), "middle", 11));
            svg.append(text(margin - 6, margin + size - size * v + 4, "%.2f".formatted(v), "end", 11));
        }
        svg.append(text(margin + size / 2.0, margin + size + 34, "confidence", "middle", 12));
        svg.append(text(12, margin - 12, "share right", "start", 12));
        for (int s = 0; s < series.size(); s++) {
            StringBuilder path = new StringBuilder();
            for (double[] p : series.get(s).points()) {
                double x = margin + size * p[0];
                double y = margin + size - size * p[1];
                double r = Math.min(9, 2.5 + Math.sqrt(p[2]) / 2);
                svg.append("<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" fill-opacity=\"0.8\"><title>%s</title></circle>"
                        .formatted(num(x), num(y), num(r), colour(s), HtmlText.escape("%s: confidence %.2f, right %.2f, %d values"
                                .formatted(series.get(s).label(), p[0], p[1], (long) p[2]))));
                path.append(path.length() == 0 ? "M" : " L").append(num(x)).append(' ').append(num(y));
            }
            if (path.length() > 0) {
                svg.append("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>".formatted(path, colour(s)));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** One point per configuration: x (cost) against y (a score from 0 to 1). */
    static String scatter(String title, String xLabel, String yLabel, List<Series> series) {
        int width = 420;
        int height = 300;
        int margin = 50;
        double maxX = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).filter(v -> !Double.isNaN(v))
                .max().orElse(1);
        maxX = maxX <= 0 ? 1 : maxX * 1.15;
        StringBuilder svg = open(title, width + 2 * margin, height + 2 * margin);
        svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>".formatted(margin, margin, width, height));
        for (int tick = 0; tick <= 4; tick++) {
            double v = tick / 4.0;
            svg.append(text(margin + width * v, margin + height + 16, format(maxX * v), "middle", 11));
            svg.append(text(margin - 6, margin + height - height * v + 4, "%.2f".formatted(v), "end", 11));
        }
        svg.append(text(margin + width / 2.0, margin + height + 36, xLabel, "middle", 12));
        svg.append(text(8, margin - 14, yLabel, "start", 12));
        for (int s = 0; s < series.size(); s++) {
            for (double[] p : series.get(s).points()) {
                if (Double.isNaN(p[0]) || Double.isNaN(p[1])) {
                    continue;
                }
                double x = margin + width * p[0] / maxX;
                double y = margin + height - height * p[1];
                svg.append("<circle cx=\"%s\" cy=\"%s\" r=\"7\" fill=\"%s\"><title>%s</title></circle>".formatted(num(x), num(y),
                        colour(s), HtmlText.escape(series.get(s).label())));
                svg.append(text(x + 10, y - 8, series.get(s).label(), "start", 11));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><title>%s</title>"
                .formatted(HtmlText.escape(title), width, height, width, height, HtmlText.escape(title)));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>".formatted(num(x1), num(y1), num(x2), num(y2), colour);
    }

    private static String text(double x, double y, String text, String anchor, int size) {
        return "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"%d\" font-family=\"sans-serif\">%s</text>"
                .formatted(num(x), num(y), anchor, size, HtmlText.escape(text));
    }

    private static String format(double value) {
        return value >= 1 ? "%.0f".formatted(value) : value >= 0.01 ? "%.3f".formatted(value) : "%.5f".formatted(value);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
