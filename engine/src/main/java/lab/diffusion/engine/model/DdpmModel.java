package lab.diffusion.engine.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import lab.diffusion.engine.nn.Mlp;
import lab.diffusion.engine.schedule.Schedule;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The DDPM ε-model (paper-math §5): an MLP on [x⁽ᵗ⁾, sinusoidal embedding of t] predicts ε;
 * mean (x − βₜ/√(1−ᾱₜ)·ε̂)/√αₜ, fixed variance β̃ₜ or βₜ. Trained on ‖ε − ε̂‖² with
 * t ~ U{1..T}; evaluated with the same bound K as the paper's model.
 */
public final class DdpmModel extends AbstractReverseModel {

    private final int embed;
    private final double[] embedding;
    private final boolean posteriorVariance;
    private final double entropy;
    private final double[] chunkIn;
    private final double[] chunkOut;

    DdpmModel(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        super(spec, schedule, type, sizes(spec));
        this.embed = spec.embedding();
        this.embedding = embeddingTable(schedule.steps(), embed);
        this.posteriorVariance = spec.ddpmVariance() == ModelSpec.DdpmVariance.POSTERIOR;
        this.entropy = GaussianTables.entropyTerms(schedule, dim);
        this.chunkIn = new double[CHUNK * (dim + embed)];
        this.chunkOut = new double[CHUNK * dim];
        mlp.initialize(new SplittableRandom(seed), 1.0);
        params.pushMaster();
    }

    static int[] sizes(ModelSpec spec) {
        int[] s = new int[spec.depth() + 2];
        s[0] = spec.dim() + spec.embedding();
        for (int l = 1; l <= spec.depth(); l++) {
            s[l] = spec.width();
        }
        s[spec.depth() + 1] = spec.dim();
        return s;
    }

    /**
     * Sinusoidal embedding of t scaled to a 1000-step range: sin(τωₖ) then cos(τωₖ) with
     * τ = 1000·t/T and ωₖ = 10000^(−k/(E/2 − 1)).
     */
    static double[] embeddingTable(int steps, int embed) {
        int half = embed / 2;
        double[] e = new double[(steps + 1) * embed];
        for (int t = 1; t <= steps; t++) {
            double tau = 1000.0 * t / steps;
            for (int k = 0; k < half; k++) {
                double w = half == 1 ? 1.0 : Math.exp(-Math.log(10000.0) * k / (half - 1.0));
                e[t * embed + k] = Math.sin(tau * w);
                e[t * embed + half + k] = Math.cos(tau * w);
            }
        }
        return e;
    }

    @Override
    public int firstTrainingStep() {
        return 1;
    }

    /** The reverse variance this model uses at step t ≥ 2. */
    public double variance(int t) {
        return posteriorVariance ? tab.postVar[t] : tab.beta[t];
    }

    private double meanFromEps(int t, double x, double epsHat) {
        return (x - tab.beta[t] / tab.sqrtOneMinusAlphaBar[t] * epsHat) / tab.sqrtOneMinusBeta[t];
    }

    @Override
    public StepLoss lossAndGradient(TrainingBatch batch) {
        int bsz = batch.size;
        ensureTrainingScratch(bsz, dim);
        Mlp.Work wk = mlp.work(bsz);
        forwardSample(batch, inD, bsz);
        for (int b = 0; b < bsz; b++) {
            int eo = batch.t[b] * embed;
            for (int k = 0; k < embed; k++) {
                inD[(dim + k) * bsz + b] = embedding[eo + k];
            }
        }
        wk.input().fromDoubles(inD);
        mlp.forward(wk);
        wk.output().toDoubles(outD);
        double n = (double) bsz * dim;
        double sq = 0.0;
        double klSum = 0.0;
        int klCount = 0;
        for (int b = 0; b < bsz; b++) {
            int t = batch.t[b];
            double kl = 0.0;
            for (int d = 0; d < dim; d++) {
                int k = d * bsz + b;
                double epsHat = outD[k];
                double e = epsHat - batch.eps[b * dim + d];
                sq += e * e;
                gradD[k] = 2.0 * e / n;
                if (t >= 2) {
                    double v = variance(t);
                    kl += GaussianTables.kl(mu[k], tab.postVar[t], tab.logPostVar[t], meanFromEps(t, xt[k], epsHat), v, Math.log(v));
                }
            }
            if (t >= 2) {
                klSum += kl;
                klCount++;
            }
        }
        wk.outputGradient().fromDoubles(gradD);
        mlp.backward(wk);
        double k = klCount == 0 ? Double.NaN : -(steps - 1.0) * klSum / klCount + entropy;
        return new StepLoss(sq / n, k);
    }

    @Override
    protected void reverseChunk(int t, int rows, int chunk, int start, float[] mean, float[] var) {
        Mlp.Work wk = mlp.work(chunk);
        System.arraycopy(chunkX, 0, chunkIn, 0, chunk * dim);
        int eo = t * embed;
        for (int k = 0; k < embed; k++) {
            Arrays.fill(chunkIn, (dim + k) * chunk, (dim + k + 1) * chunk, embedding[eo + k]);
        }
        wk.input().fromDoubles(chunkIn);
        mlp.forward(wk);
        wk.output().toDoubles(chunkOut);
        float v = (float) variance(t);
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < dim; d++) {
                int o = (start + r) * dim + d;
                mean[o] = (float) meanFromEps(t, chunkX[d * chunk + r], chunkOut[d * chunk + r]);
                var[o] = v;
            }
        }
    }
}
