package org.sicube.datasets.writers.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.sicube.datasets.model.EnergyAxis;

/**
 * A 1200 × 600 PNG plot of one or several spectra against energy ("Energy (keV)" or "(eV)", the
 * axis' units) drawn with JFreeChart, optionally with a logarithmic intensity axis (non-positive
 * values left out), and labelled vertical markers for X-ray lines given as (energy in the axis'
 * units, label) pairs.
 */
public final class SpectrumPng {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 600;
    private static final Color[] LINE_COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK};

    private record Marker(double energy, String label) {
    }

    private final EnergyAxis axis;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final List<double[]> spectra = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private String title = "";
    private String yLabel = "Counts";
    private boolean logY;

    private SpectrumPng(EnergyAxis axis) {
        this.axis = axis;
    }

    public static SpectrumPng of(EnergyAxis axis) {
        return new SpectrumPng(axis);
    }

    /** Adds a spectrum of {@code axis.size()} values under {@code name} (shown in the legend). */
    public SpectrumPng add(String name, double[] values) {
        if (values.length != axis.size()) {
            throw new IllegalArgumentException("spectrum '" + name + "' has " + values.length
                    + " channels but the axis has " + axis.size());
        }
        spectra.add(values);
        XYSeries s = new XYSeries(name, false, true);
        data.addSeries(s);
        return this;
    }

    public SpectrumPng title(String t) {
        this.title = t == null ? "" : t;
        return this;
    }

    /** Intensity axis label, "Counts" by default. */
    public SpectrumPng intensityLabel(String label) {
        this.yLabel = label;
        return this;
    }

    public SpectrumPng logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** Marks an X-ray line at {@code energy} (in the axis' units) with {@code label}, e.g. "Fe Kα". */
    public SpectrumPng line(double energy, String label) {
        markers.add(new Marker(energy, label));
        return this;
    }

    public void write(Path target) throws IOException {
        fillSeries();
        NumberAxis x = new NumberAxis("Energy (" + axis.units() + ")");
        x.setRange(axis.energy(0), axis.energy(axis.size() - 1));
        ValueAxis y = logY ? new LogAxis(yLabel) : new NumberAxis(yLabel);
        if (logY) {
            // Whole decades as ticks; show at most five decades below the highest value, so that a
            // few near-zero channels (below the detector's threshold) do not squash the spectrum.
            LogAxis log = (LogAxis) y;
            log.setAutoTickUnitSelection(false);
            log.setTickUnit(new NumberTickUnit(1, new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
            double[] span = positiveSpan();
            log.setSmallestValue(span[0]);
            log.setRange(Math.max(span[0], span[1] * 1e-5) / 1.5, span[1] * 1.5);
        } else {
            ((NumberAxis) y).setAutoRangeIncludesZero(true);
        }
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        for (ValueAxis a : new ValueAxis[] {x, y}) {
            a.setLabelFont(labelFont);
            a.setTickLabelFont(tickFont);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < spectra.size(); i++) {
            renderer.setSeriesPaint(i, LINE_COLOURS[i % LINE_COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        addMarkers(plot);
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title,
                new Font(Font.SANS_SERIF, Font.BOLD, 22), plot, spectra.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(tickFont);
        }
        MapFrame.writePng(chart.createBufferedImage(WIDTH, HEIGHT), target);
    }

    /** Smallest and largest positive finite value over all spectra ({1, 10} when none). */
    private double[] positiveSpan() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] v : spectra) {
            for (double d : v) {
                if (d > 0 && Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        return hi > 0 ? new double[] {lo, hi} : new double[] {1, 10};
    }

    private void fillSeries() {
        for (int i = 0; i < spectra.size(); i++) {
            XYSeries s = data.getSeries(i);
            s.clear();
            double[] v = spectra.get(i);
            for (int c = 0; c < v.length; c++) {
                boolean shown = Double.isFinite(v[c]) && (!logY || v[c] > 0);
                s.add(axis.energy(c), shown ? v[c] : null, false);
            }
        }
    }

    /** Vertical dashed lines; labels staggered over three heights so neighbouring lines stay readable. */
    private void addMarkers(XYPlot plot) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        List<Marker> sorted = new ArrayList<>(markers);
        sorted.sort((a, b) -> Double.compare(a.energy(), b.energy()));
        for (int i = 0; i < sorted.size(); i++) {
            Marker m = sorted.get(i);
            ValueMarker vm = new ValueMarker(m.energy());
            vm.setPaint(new Color(0x555555));
            vm.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
            vm.setLabel(m.label());
            vm.setLabelFont(font);
            vm.setLabelPaint(Color.BLACK);
            vm.setLabelBackgroundColor(new Color(255, 255, 255, 215));
            vm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            vm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            vm.setLabelOffset(new RectangleInsets(6 + 20 * (i % 3), 5, 0, 0));
            plot.addDomainMarker(vm);
        }
    }
}
