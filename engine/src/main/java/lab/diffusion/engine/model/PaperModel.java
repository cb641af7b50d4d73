package lab.diffusion.engine.model;

import java.util.SplittableRandom;
import lab.diffusion.engine.nn.Mirror;
import lab.diffusion.engine.nn.Mlp;
import lab.diffusion.engine.schedule.Schedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The paper's Gaussian reverse model (paper-math §3): an MLP on x⁽ᵗ⁾ produces 2·D·J
 * coefficients; the temporal readout mixes them with gⱼ(t) into (z_μ, z_Σ) per coordinate;
 * f_Σ = σ(z_Σ + logit βₜ) and f_μ in the code or eq. 65 form. The readout layer starts at zero,
 * so with the code-form mean the untrained model is exactly the forward kernel.
 */
public final class PaperModel extends AbstractReverseModel {

    private final TemporalReadout readout;
    private final int basis;
    private final int outputs;
    private final boolean eq65;
    private final double entropy;
    private final double[] g;
    private final double[] grad2 = new double[2];
    // inference: the readout folded into the output layer for one t
    private final Mirror wEff;
    private final Mirror zOut;
    private final double[] wEffHost;
    private final double[] zHost;

    PaperModel(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        super(spec, schedule, type, sizes(spec, schedule.steps()));
        this.readout = spec.readout() == ModelSpec.Readout.BUMPS
                ? TemporalReadout.bumps(schedule.steps(), spec.bumps())
                : TemporalReadout.perStep(schedule.steps());
        this.basis = readout.basis();
        this.outputs = 2 * dim * basis;
        this.eq65 = spec.meanForm() == ModelSpec.MeanForm.EQ65;
        this.entropy = GaussianTables.entropyTerms(schedule, dim);
        this.g = readout.table();
        int width = spec.width();
        wEff = Mirror.allocate(type, width + 1, 2 * dim);
        zOut = Mirror.allocate(type, CHUNK, 2 * dim);
        wEffHost = new double[(width + 1) * 2 * dim];
        zHost = new double[CHUNK * 2 * dim];
        mlp.initialize(new SplittableRandom(seed), 0.0);
        params.pushMaster();
    }

    static int[] sizes(ModelSpec spec, int steps) {
        int basis = spec.readout() == ModelSpec.Readout.BUMPS ? spec.bumps() : steps;
        int[] s = new int[spec.depth() + 2];
        s[0] = spec.dim();
        for (int l = 1; l <= spec.depth(); l++) {
            s[l] = spec.width();
        }
        s[spec.depth() + 1] = 2 * spec.dim() * basis;
        return s;
    }

    /** The temporal readout in use. */
    public TemporalReadout readout() {
        return readout;
    }

    @Override
    public int firstTrainingStep() {
        return 2;
    }

    @Override
    public StepLoss lossAndGradient(TrainingBatch batch) {
        int bsz = batch.size;
        ensureTrainingScratch(bsz, outputs);
        Mlp.Work wk = mlp.work(bsz);
        forwardSample(batch, inD, bsz);
        wk.input().fromDoubles(inD);
        mlp.forward(wk);
        wk.output().toDoubles(outD);
        double scale = (steps - 1.0) / bsz;
        double klSum = 0.0;
        for (int b = 0; b < bsz; b++) {
            int t = batch.t[b];
            int go = t * basis;
            for (int d = 0; d < dim; d++) {
                int muCol = d * basis;
                int sgCol = (dim + d) * basis;
                double zMu = 0.0;
                double zSg = 0.0;
                for (int j = 0; j < basis; j++) {
                    double gj = g[go + j];
                    zMu += gj * outD[(muCol + j) * bsz + b];
                    zSg += gj * outD[(sgCol + j) * bsz + b];
                }
                int k = d * bsz + b;
                klSum += PaperHead.kl(eq65, xt[k], mu[k], tab.postVar[t], tab.logPostVar[t], tab.sqrtBeta[t],
                        tab.sqrtOneMinusBeta[t], tab.logitBeta[t], zMu, zSg, grad2);
                double gMu = scale * grad2[0];
                double gSg = scale * grad2[1];
                for (int j = 0; j < basis; j++) {
                    double gj = g[go + j];
                    gradD[(muCol + j) * bsz + b] = gMu * gj;
                    gradD[(sgCol + j) * bsz + b] = gSg * gj;
                }
            }
        }
        wk.outputGradient().fromDoubles(gradD);
        mlp.backward(wk);
        double loss = scale * klSum - entropy;
        return new StepLoss(loss, -loss);
    }

    /**
     * Folds the readout for one t into the output layer: W_eff(i, r) = Σⱼ gⱼ(t)·W(i, rJ+j), with
     * the bias as row {@code width} (the hidden activations carry a ones column).
     */
    @Override
    protected void beginReverse(int t) {
        double[] m = params.master();
        int width = spec.width();
        int last = mlp.layerCount() - 1;
        int go = t * basis;
        for (int r = 0; r < 2 * dim; r++) {
            for (int i = 0; i <= width; i++) {
                double s = 0.0;
                for (int j = 0; j < basis; j++) {
                    int c = r * basis + j;
                    s += g[go + j] * m[i < width ? mlp.weightIndex(last, i, c) : mlp.biasIndex(last, c)];
                }
                wEffHost[r * (width + 1) + i] = s;
            }
        }
        wEff.fromDoubles(wEffHost);
        wEff.upload();
    }

    @Override
    protected void reverseChunk(int t, int rows, int start, float[] mean, float[] var) {
        Mlp.Work wk = mlp.work(CHUNK);
        wk.input().fromDoubles(chunkX);
        mlp.forwardHidden(wk);
        Nd4j.gemm(wk.lastHidden().withExtra(), wEff.array(), zOut.array(), false, false, 1.0, 0.0);
        zOut.download();
        zOut.toDoubles(zHost);
        double logitBeta = tab.logitBeta[t];
        double sb = tab.sqrtBeta[t];
        double s1b = tab.sqrtOneMinusBeta[t];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < dim; d++) {
                double x = chunkX[d * CHUNK + r];
                double v = PaperHead.variance(zHost[(dim + d) * CHUNK + r], logitBeta);
                int o = (start + r) * dim + d;
                mean[o] = (float) PaperHead.mean(eq65, x, zHost[d * CHUNK + r], v, sb, s1b);
                var[o] = (float) v;
            }
        }
    }
}
