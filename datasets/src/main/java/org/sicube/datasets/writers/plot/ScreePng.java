package org.sicube.datasets.writers.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A 1200 × 600 PNG scree plot drawn with JFreeChart: explained-variance ratio (logarithmic axis)
 * against component number 1, 2, ... for the first components, with the chosen number of
 * components K marked by a labelled vertical line. Non-positive ratios are left out.
 */
public final class ScreePng {
    private final double[] ratios;
    private int shown;
    private int chosen;
    private String title = "";

    private ScreePng(double[] ratios) {
        this.ratios = ratios.clone();
        this.shown = ratios.length;
    }

    /** Ratios of components 1..n, descending. */
    public static ScreePng of(double[] ratios) {
        return new ScreePng(ratios);
    }

    /** Shows only the first {@code n} components. */
    public ScreePng show(int n) {
        this.shown = Math.max(1, Math.min(n, ratios.length));
        return this;
    }

    /** Marks K, the number of components kept (0: no mark). */
    public ScreePng chosen(int k) {
        this.chosen = k;
        return this;
    }

    public ScreePng title(String t) {
        this.title = t == null ? "" : t;
        return this;
    }

    public void write(Path target) throws IOException {
        XYSeries s = new XYSeries("explained-variance ratio");
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < shown; i++) {
            if (ratios[i] > 0 && Double.isFinite(ratios[i])) {
                s.add(i + 1, ratios[i]);
                lo = Math.min(lo, ratios[i]);
                hi = Math.max(hi, ratios[i]);
            }
        }
        if (hi == 0) {
            lo = 0.1;
            hi = 1;
        }
        NumberAxis x = new NumberAxis("Component");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, shown + 0.5);
        LogAxis y = new LogAxis("Explained-variance ratio");
        // Whole decades as ticks (labels 10^-3, 10^-2, ...), as SpectrumPng does.
        y.setAutoTickUnitSelection(false);
        y.setTickUnit(new NumberTickUnit(1, new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        y.setSmallestValue(lo);
        y.setRange(lo / 2, hi * 2);
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        x.setLabelFont(labelFont);
        x.setTickLabelFont(tickFont);
        y.setLabelFont(labelFont);
        y.setTickLabelFont(tickFont);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0x0072B2));
        renderer.setSeriesStroke(0, new BasicStroke(1.6f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        if (chosen > 0) {
            ValueMarker m = new ValueMarker(chosen + 0.5);
            m.setPaint(new Color(0xD55E00));
            m.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            m.setLabel("K = " + chosen);
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            m.setLabelPaint(new Color(0xD55E00));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 215));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelOffset(new RectangleInsets(8, 6, 0, 0));
            plot.addDomainMarker(m);
        }
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title,
                new Font(Font.SANS_SERIF, Font.BOLD, 22), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        MapFrame.writePng(chart.createBufferedImage(SpectrumPng.WIDTH, SpectrumPng.HEIGHT), target);
    }
}
