package org.sicube.transforms.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Eigenpairs against a Jacobi reference, the analytic first component, scores and exact reconstruction. */
class WeightedPcaTest {

    private static final int ROWS = 80;
    private static final int COLS = 15;
    /** Eigenvalues of a 14 × 14 Gram with entries O(1): both solvers agree to ~1e-15 of the largest. */
    private static final double EIGEN = 1e-12;

    private final double[][] x = NaiveWeightedPca.smallCounts(ROWS, COLS, 23);
    private final float[] block = NaiveWeightedPca.block(x);

    private WeightedPcaModel fit(double[][] counts, boolean centre, int components) {
        WeightedGram g = WeightedGramAccumulator.zero(counts[0].length)
                .add(NaiveWeightedPca.block(counts), counts.length, counts[0].length).finish(centre);
        return WeightedPca.fit(g, components, Truncation.DEFAULT_SAFETY);
    }

    @Test
    void eigenpairsMatchJacobi() {
        for (boolean centre : new boolean[] {false, true}) {
            NaiveWeightedPca naive = new NaiveWeightedPca(x, centre);
            int n = naive.kept.length;
            double[][] vectors = new double[n][n];
            double[] expected = NaiveWeightedPca.jacobi(naive.gram, vectors);
            WeightedPcaModel model = fit(x, centre, 4);
            double[] actual = model.eigenvalues();
            assertEquals(n, actual.length);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], actual[i], EIGEN * expected[0], "eigenvalue " + i);
                assertEquals(expected[i] / naive.trace(), model.explainedVarianceRatios()[i], EIGEN, "ratio " + i);
            }
            double[] loadings = model.weightedLoadings();
            for (int c = 0; c < 4; c++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += vectors[i][c] * loadings[c * COLS + naive.kept[i]];
                }
                assertEquals(1.0, Math.abs(dot), 1e-9, "loading " + c);
            }
        }
    }

    @Test
    void firstUncentredComponentIsTheMeanSpectrum() {
        WeightedPcaModel model = fit(x, false, 1);
        assertEquals(1.0, model.eigenvalues()[0], 1e-13);
        double[] b = model.channelTotals();
        double total = java.util.Arrays.stream(b).sum();
        double[] v = model.weightedLoadings();
        for (int e = 0; e < COLS; e++) {
            assertEquals(Math.sqrt(b[e] / total), v[e], 1e-12, "channel " + e);
        }
    }

    @Test
    void scoresAreTheWeightedDataProjectedOnTheLoadings() {
        for (boolean centre : new boolean[] {false, true}) {
            NaiveWeightedPca naive = new NaiveWeightedPca(x, centre);
            WeightedPcaModel model = fit(x, centre, 3);
            double[] scores = new double[ROWS * 3];
            model.scores(block, ROWS, COLS, scores);
            double[] v = model.weightedLoadings();
            for (int n = 0, row = 0; n < ROWS; n++) {
                if (n == ROWS / 2) {
                    assertEquals(0.0, scores[n * 3] + scores[n * 3 + 1] + scores[n * 3 + 2], "empty pixel");
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    double s = 0;
                    for (int i = 0; i < naive.kept.length; i++) {
                        s += naive.xw[row][i] * v[c * COLS + naive.kept[i]];
                    }
                    assertEquals(s, scores[n * 3 + c], 1e-12, "pixel " + n + " component " + c);
                }
                row++;
            }
        }
    }

    @Test
    void compressedRowsScoreAsTheDenseBlockForDenseAndSparseBlocks() {
        WeightedPcaModel model = fit(x, false, 3);
        float[] sparse = new float[block.length];
        for (int i = 0; i < block.length; i += 12) {
            sparse[i] = block[i];
        }
        for (float[] b : new float[][] {block, sparse}) {
            double[] expected = new double[ROWS * 3];
            model.scores(b, ROWS, COLS, expected);
            CompressedRows rows = CompressedRows.of(b, ROWS, COLS);
            double[] actual = new double[ROWS * 3];
            double[] totals = model.scores(rows.start(), rows.channel(), rows.value(), ROWS, actual);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-12, "score " + i);
            }
            for (int n = 0; n < ROWS; n++) {
                double a = 0;
                for (int e = 0; e < COLS; e++) {
                    a += b[n * COLS + e];
                }
                assertEquals(a, totals[n], 1e-9, "total of pixel " + n);
            }
        }
    }

    @Test
    void sparseBlocksScoreAsTheDirectProjection() {
        WeightedPcaModel model = fit(x, false, 3);
        // keep one value in 12: below the sparse kernel's 1 in 8, so the sparse path is taken
        float[] sparse = new float[block.length];
        for (int i = 0; i < block.length; i += 12) {
            sparse[i] = block[i];
        }
        double[] scores = new double[ROWS * 3];
        model.scores(sparse, ROWS, COLS, scores);
        double[] v = model.weightedLoadings();
        double[] b = model.channelTotals();
        for (int n = 0; n < ROWS; n++) {
            double a = 0;
            for (int e = 0; e < COLS; e++) {
                a += sparse[n * COLS + e];
            }
            for (int c = 0; c < 3; c++) {
                double s = 0;
                for (int e = 0; e < COLS; e++) {
                    s += b[e] > 0 && a > 0 ? sparse[n * COLS + e] / Math.sqrt(a * b[e]) * v[c * COLS + e] : 0;
                }
                assertEquals(s, scores[n * 3 + c], 1e-12, "pixel " + n + " component " + c);
            }
        }
    }

    @Test
    void rankKDataIsReconstructedExactly() {
        int k = 3;
        double[][] spectra = new double[k][COLS];
        for (int c = 0; c < k; c++) {
            for (int e = 0; e < COLS; e++) {
                spectra[c][e] = e == 4 ? 0 : 1 + Math.round(10 * Math.exp(-0.5 * Math.pow((e - 3 - 4 * c) / 1.5, 2)));
            }
        }
        // Small whole numbers, so that the float block holds exactly a rank-3 matrix.
        double[][] mixed = new double[ROWS][COLS];
        for (int n = 0; n < ROWS; n++) {
            for (int c = 0; c < k; c++) {
                double abundance = n == 7 ? 0 : Math.round(3 + 3 * Math.sin(n * (c + 1) * 0.37) + c);
                for (int e = 0; e < COLS; e++) {
                    mixed[n][e] += abundance * spectra[c][e];
                }
            }
        }
        for (boolean centre : new boolean[] {false, true}) {
            WeightedPcaModel model = fit(mixed, centre, k);
            double[] ratios = model.explainedVarianceRatios();
            double explained = ratios[0] + ratios[1] + ratios[2];
            assertEquals(1.0, explained, 1e-12, "rank " + k + " explains everything");
            float[] b = NaiveWeightedPca.block(mixed);
            double[] scores = new double[ROWS * k];
            model.scores(b, ROWS, COLS, scores);
            double[] out = new double[COLS];
            for (int n = 0; n < ROWS; n++) {
                double a = 0;
                for (int e = 0; e < COLS; e++) {
                    a += b[n * COLS + e];
                }
                model.reconstruct(scores, n * k, a, out);
                for (int e = 0; e < COLS; e++) {
                    assertEquals(b[n * COLS + e], out[e], 1e-9 * a, "pixel " + n + " channel " + e);
                }
            }
        }
    }

    @Test
    void modelSurvivesSerialisation() throws Exception {
        WeightedPcaModel model = fit(x, true, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        WeightedPcaModel copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (WeightedPcaModel) in.readObject();
        }
        double[] s1 = new double[ROWS * 2];
        double[] s2 = new double[ROWS * 2];
        model.scores(block, ROWS, COLS, s1);
        copy.scores(block, ROWS, COLS, s2);
        assertTrue(java.util.Arrays.equals(s1, s2));
        assertEquals(model.truncation(), copy.truncation());
    }
}
