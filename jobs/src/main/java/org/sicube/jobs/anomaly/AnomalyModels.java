package org.sicube.jobs.anomaly;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.sicube.datasets.io.InvalidInputException;
import org.sicube.jobs.decompose.ComponentSupportFile;
import org.sicube.jobs.decompose.ModelFiles;
import org.sicube.transforms.anomaly.ComponentSupport;
import org.sicube.transforms.anomaly.NmfReconstruction;
import org.sicube.transforms.anomaly.PcaReconstruction;
import org.sicube.transforms.anomaly.Reconstruction;
import org.sicube.transforms.decomposition.WeightedPcaModel;
import org.sicube.transforms.decomposition.nmf.NmfModel;

/**
 * The model of the major phases that the residual pass reconstructs with. A weighted PCA keeps
 * only the components carried by at least {@code rareFraction} of the pixels it was fitted on
 * ({@link ComponentSupport}): a component carried by a few pixels is a rare phase, and keeping it
 * would reconstruct the very anomaly the pass looks for. An NMF is used as fitted.
 */
public final class AnomalyModels {
    private AnomalyModels() {
    }

    /** The PCA of the major phases, stating on the console which components were left out and why. */
    public static PcaReconstruction major(WeightedPcaModel model, ComponentSupport support, double rareFraction) {
        if (support == null || support.components() != model.components()) {
            System.out.println("anomaly: no component support recorded with the model; all "
                    + model.components() + " components reconstruct");
            return PcaReconstruction.of(model);
        }
        System.out.println("anomaly: " + support.report(rareFraction));
        return new PcaReconstruction(model, support.majorComponents(rareFraction));
    }

    /** The model of run directory {@code run}: its PCA ({@code model.bin}) if any, else its NMF. */
    public static Reconstruction read(String run, Configuration conf, double rareFraction) throws IOException {
        if (new org.apache.hadoop.fs.Path(run, ModelFiles.BINARY).getFileSystem(conf)
                .exists(new org.apache.hadoop.fs.Path(run, ModelFiles.BINARY))) {
            return major(ModelFiles.read(run, conf), ComponentSupportFile.read(run, conf), rareFraction);
        }
        NmfModel nmf = ModelFiles.readNmf(run, conf);
        if (nmf == null) {
            throw new InvalidInputException(run + ": neither " + ModelFiles.BINARY + " nor " + ModelFiles.NMF_BINARY
                    + "; give the run directory of 'sicube decompose' (--method pca or nmf)");
        }
        return new NmfReconstruction(nmf);
    }
}
