package org.sicube.datasets.writers.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A 1200 × 600 PNG variance–mean (photon-transfer) plot drawn with JFreeChart: one point per
 * mean-level bin (mean in DN, variance in DN²) and the fitted line {@code variance = g·mean + σr²}
 * across the points' range. Points with a non-finite value are left out.
 */
public final class VarianceMeanPng {
    private final double[] means;
    private final double[] variances;
    private double slope = Double.NaN;
    private double intercept = Double.NaN;
    private String lineLabel = "fit";
    private String title = "";

    private VarianceMeanPng(double[] means, double[] variances) {
        if (means.length != variances.length) {
            throw new IllegalArgumentException(means.length + " means but " + variances.length + " variances");
        }
        this.means = means.clone();
        this.variances = variances.clone();
    }

    /** Points {@code (means[i], variances[i])}, DN and DN². */
    public static VarianceMeanPng of(double[] means, double[] variances) {
        return new VarianceMeanPng(means, variances);
    }

    /** The fitted line {@code variance = slope·mean + intercept}, shown under {@code label}. */
    public VarianceMeanPng line(double slope, double intercept, String label) {
        this.slope = slope;
        this.intercept = intercept;
        this.lineLabel = label;
        return this;
    }

    public VarianceMeanPng title(String t) {
        this.title = t == null ? "" : t;
        return this;
    }

    public void write(Path target) throws IOException {
        XYSeries points = new XYSeries("bins (mean, Var(x₁ − x₂)/2)", false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < means.length; i++) {
            if (Double.isFinite(means[i]) && Double.isFinite(variances[i])) {
                points.add(means[i], variances[i]);
                lo = Math.min(lo, means[i]);
                hi = Math.max(hi, means[i]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(points);
        if (Double.isFinite(slope) && Double.isFinite(intercept) && hi > lo) {
            XYSeries fit = new XYSeries(lineLabel, false, true);
            fit.add(Math.min(0, lo), slope * Math.min(0, lo) + intercept);
            fit.add(hi, slope * hi + intercept);
            data.addSeries(fit);
        }
        NumberAxis x = new NumberAxis("Mean signal (DN)");
        NumberAxis y = new NumberAxis("Variance (DN²)");
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setLabelFont(labelFont);
            a.setTickLabelFont(tickFont);
            a.setAutoRangeIncludesZero(true);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(0, new Color(0x0072B2));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, new Color(0xD55E00));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title,
                new Font(Font.SANS_SERIF, Font.BOLD, 22), plot, true);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        MapFrame.writePng(chart.createBufferedImage(SpectrumPng.WIDTH, SpectrumPng.HEIGHT), target);
    }
}
