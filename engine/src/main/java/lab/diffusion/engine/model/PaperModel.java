package lab.diffusion.engine.model;

import java.util.SplittableRandom;
import lab.diffusion.engine.nn.Mlp;
import lab.diffusion.engine.schedule.Schedule;
import org.nd4j.linalg.api.buffer.DataType;

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
    private final ModelSpec.MeanForm form;
    private final double entropy;
    private final double[] grad2 = new double[2];
    private double[] zD = new double[0];
    private double[] dzD = new double[0];
    private final FoldedReadout folded;

    PaperModel(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        super(spec, schedule, type, sizes(spec, schedule.steps()));
        this.readout = spec.readout() == ModelSpec.Readout.BUMPS
                ? TemporalReadout.bumps(schedule.steps(), spec.bumps())
                : TemporalReadout.perStep(schedule.steps());
        this.basis = readout.basis();
        this.outputs = 2 * dim * basis;
        this.form = spec.meanForm();
        this.entropy = GaussianTables.entropyTerms(schedule, dim);
        this.folded = new FoldedReadout(mlp, params, readout, 2 * dim, spec.width(), type);
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
        if (zD.length != bsz * 2 * dim) {
            zD = new double[bsz * 2 * dim];
            dzD = new double[bsz * 2 * dim];
        }
        Mlp.Work wk = mlp.work(bsz);
        forwardSample(batch, inD, bsz);
        wk.input().fromDoubles(inD);
        mlp.forward(wk);
        wk.output().toDoubles(outD);
        double scale = (steps - 1.0) / bsz;
        readout.mix(outD, bsz, 2 * dim, batch.t, zD);
        double klSum = 0.0;
        for (int b = 0; b < bsz; b++) {
            int t = batch.t[b];
            for (int d = 0; d < dim; d++) {
                int k = d * bsz + b;
                int ks = (dim + d) * bsz + b;
                klSum += PaperHead.kl(form, xt[k], mu[k], tab.postVar[t], tab.logPostVar[t], tab.sqrtBeta[t],
                        tab.sqrtOneMinusBeta[t], tab.logitBeta[t], zD[k], zD[ks], grad2);
                dzD[k] = scale * grad2[0];
                dzD[ks] = scale * grad2[1];
            }
        }
        readout.spread(dzD, bsz, 2 * dim, batch.t, gradD);
        wk.outputGradient().fromDoubles(gradD);
        mlp.backward(wk);
        double loss = scale * klSum - entropy;
        return new StepLoss(loss, -loss);
    }

    @Override
    protected void beginReverse(int t) {
        folded.prepare(t);
    }

    @Override
    protected void reverseChunk(int t, int rows, int chunk, int start, float[] mean, float[] var) {
        Mlp.Work wk = mlp.work(chunk);
        wk.input().fromDoubles(chunkX);
        double[] zHost = folded.apply(wk);
        double logitBeta = tab.logitBeta[t];
        double sb = tab.sqrtBeta[t];
        double s1b = tab.sqrtOneMinusBeta[t];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < dim; d++) {
                double x = chunkX[d * chunk + r];
                double v = PaperHead.variance(zHost[(dim + d) * chunk + r], logitBeta);
                int o = (start + r) * dim + d;
                mean[o] = (float) PaperHead.mean(form, x, zHost[d * chunk + r], v, sb, s1b);
                var[o] = (float) v;
            }
        }
    }
}
