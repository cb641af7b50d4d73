package lab.diffusion.engine.model;

import java.util.HashMap;
import java.util.Map;
import lab.diffusion.engine.nn.Gemm;
import lab.diffusion.engine.nn.Mirror;
import lab.diffusion.engine.nn.Mlp;
import lab.diffusion.engine.nn.ParamBuffer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Inference at one t: the temporal readout folded into the network's output layer,
 * W_eff(i, r) = Σⱼ gⱼ(t)·W(i, rJ+j) with the bias as the last row, so a chunk needs one small
 * product after the hidden layers instead of the full R·J outputs.
 */
final class FoldedReadout {

    private final Mlp mlp;
    private final ParamBuffer params;
    private final TemporalReadout readout;
    private final int readouts;
    private final int width;
    private final Mirror wEff;
    private final DataType type;
    private final Map<Integer, Mirror> zOut = new HashMap<>();
    private final Map<Integer, double[]> zHost = new HashMap<>();
    private final double[] wHost;

    FoldedReadout(Mlp mlp, ParamBuffer params, TemporalReadout readout, int readouts, int width, DataType type) {
        this.mlp = mlp;
        this.params = params;
        this.readout = readout;
        this.readouts = readouts;
        this.width = width;
        this.wEff = Mirror.allocate(type, width + 1, readouts);
        this.type = type;
        this.wHost = new double[(width + 1) * readouts];
    }

    /** Folds the readout weights for step t (call before the chunks of one t). */
    void prepare(int t) {
        double[] m = params.master();
        int last = mlp.layerCount() - 1;
        int basis = readout.basis();
        for (int r = 0; r < readouts; r++) {
            for (int i = 0; i <= width; i++) {
                double s = 0.0;
                for (int j = 0; j < basis; j++) {
                    int c = r * basis + j;
                    s += readout.weight(t, j) * m[i < width ? mlp.weightIndex(last, i, c) : mlp.biasIndex(last, c)];
                }
                wHost[r * (width + 1) + i] = s;
            }
        }
        wEff.fromDoubles(wHost);
        wEff.upload();
    }

    /**
     * Runs the chunk whose input is in {@code wk.input()} and returns the readouts z
     * (column-major rows × R for the work's row count; valid until the next call).
     */
    double[] apply(Mlp.Work wk) {
        int rows = wk.rows();
        Mirror out = zOut.computeIfAbsent(rows, r -> Mirror.allocate(type, r, readouts));
        double[] host = zHost.computeIfAbsent(rows, r -> new double[r * readouts]);
        mlp.forwardHidden(wk);
        Gemm.multiply(wk.lastHidden().withExtra(), wEff.array(), out.array(), false, false);
        out.download();
        out.toDoubles(host);
        return host;
    }
}
