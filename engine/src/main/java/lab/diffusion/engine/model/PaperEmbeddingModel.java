package lab.diffusion.engine.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import lab.diffusion.engine.nn.Mlp;
import lab.diffusion.engine.schedule.Schedule;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The paper's reverse parametrization (paper-math §3) with time fed to the network instead of
 * read out through bumps: an MLP on [x⁽ᵗ⁾, sinusoidal embedding of t] gives (z_μ, z_Σ) for every
 * coordinate, f_Σ = σ(z_Σ + logit βₜ) and f_μ in the code or eq. 65 form. Its output layer is
 * independent of T, which keeps image models (D = 784 and more) small.
 * <p>
 * Each coordinate also has an affine skip read out through J temporal bumps:
 * z_μ,d += A_d(t)·x_d + B_d(t) and z_Σ,d += C_d(t) with A_d(t) = Σⱼ gⱼ(t)·a_dj (B, C alike). An
 * MLP on a whole image cannot pass 784 pixels through a few hundred hidden units, yet removing
 * the last bit of noise from a pixel whose clean value is nearly fixed (the background of a
 * digit) is an affine function of that pixel; the skip gives the network that path. The output
 * layer and the skip start at zero, so with the code-form mean the untrained model is the
 * forward kernel.
 */
public final class PaperEmbeddingModel extends AbstractReverseModel {

    private final int embed;
    private final double[] embedding;
    private final ModelSpec.MeanForm form;
    private final double entropy;
    private final double[] grad2 = new double[2];
    private final double[] chunkIn;
    private final double[] chunkOut;
    private final TemporalReadout skipBumps;
    private final int skipJ;
    private final int skipOffset;
    private final double[] skipGrad;
    private final double[] skipA;
    private final double[] skipB;
    private final double[] skipC;

    PaperEmbeddingModel(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        super(spec, schedule, type, sizes(spec), 3 * spec.dim() * spec.bumps());
        this.embed = spec.embedding();
        this.embedding = DdpmModel.embeddingTable(schedule.steps(), embed);
        this.form = spec.meanForm();
        this.entropy = GaussianTables.entropyTerms(schedule, dim);
        this.chunkIn = new double[CHUNK * (dim + embed)];
        this.chunkOut = new double[CHUNK * 2 * dim];
        this.skipJ = spec.bumps();
        this.skipBumps = TemporalReadout.bumps(schedule.steps(), skipJ);
        this.skipOffset = params.reserve(3 * dim * skipJ);
        this.skipGrad = new double[3 * dim * skipJ];
        this.skipA = new double[dim];
        this.skipB = new double[dim];
        this.skipC = new double[dim];
        mlp.initialize(new SplittableRandom(seed), 0.0); // the skip parameters stay 0
        params.pushMaster();
    }

    /** A_d(t), B_d(t), C_d(t) for all d into skipA, skipB, skipC. */
    private void skipAt(int t) {
        double[] m = params.master();
        int dj = dim * skipJ;
        for (int d = 0; d < dim; d++) {
            double a = 0;
            double b = 0;
            double c = 0;
            int o = skipOffset + d * skipJ;
            for (int j = 0; j < skipJ; j++) {
                double g = skipBumps.weight(t, j);
                a += g * m[o + j];
                b += g * m[o + dj + j];
                c += g * m[o + 2 * dj + j];
            }
            skipA[d] = a;
            skipB[d] = b;
            skipC[d] = c;
        }
    }

    static int[] sizes(ModelSpec spec) {
        int[] s = new int[spec.depth() + 2];
        s[0] = spec.dim() + spec.embedding();
        for (int l = 1; l <= spec.depth(); l++) {
            s[l] = spec.width();
        }
        s[spec.depth() + 1] = 2 * spec.dim();
        return s;
    }

    @Override
    public int firstTrainingStep() {
        return 2;
    }

    private void putEmbedding(double[] input, int rows, int row, int t) {
        int eo = t * embed;
        for (int k = 0; k < embed; k++) {
            input[(dim + k) * rows + row] = embedding[eo + k];
        }
    }

    @Override
    public StepLoss lossAndGradient(TrainingBatch batch) {
        int bsz = batch.size;
        ensureTrainingScratch(bsz, 2 * dim);
        Mlp.Work wk = mlp.work(bsz);
        forwardSample(batch, inD, bsz);
        for (int b = 0; b < bsz; b++) {
            putEmbedding(inD, bsz, b, batch.t[b]);
        }
        wk.input().fromDoubles(inD);
        mlp.forward(wk);
        wk.output().toDoubles(outD);
        double scale = (steps - 1.0) / bsz;
        double klSum = 0.0;
        Arrays.fill(skipGrad, 0.0);
        int dj = dim * skipJ;
        for (int b = 0; b < bsz; b++) {
            int t = batch.t[b];
            skipAt(t);
            for (int d = 0; d < dim; d++) {
                int k = d * bsz + b;
                int ks = (dim + d) * bsz + b;
                double zMu = outD[k] + skipA[d] * xt[k] + skipB[d];
                double zSigma = outD[ks] + skipC[d];
                klSum += PaperHead.kl(form, xt[k], mu[k], tab.postVar[t], tab.logPostVar[t], tab.sqrtBeta[t],
                        tab.sqrtOneMinusBeta[t], tab.logitBeta[t], zMu, zSigma, grad2);
                double gMu = scale * grad2[0];
                double gSigma = scale * grad2[1];
                gradD[k] = gMu;
                gradD[ks] = gSigma;
                int o = d * skipJ;
                for (int j = 0; j < skipJ; j++) {
                    double g = skipBumps.weight(t, j);
                    if (g < 1e-12) {
                        continue;
                    }
                    skipGrad[o + j] += gMu * xt[k] * g;
                    skipGrad[dj + o + j] += gMu * g;
                    skipGrad[2 * dj + o + j] += gSigma * g;
                }
            }
        }
        wk.outputGradient().fromDoubles(gradD);
        mlp.backward(wk);
        params.writeGradient(skipOffset, skipGrad);
        double loss = scale * klSum - entropy;
        return new StepLoss(loss, -loss);
    }

    @Override
    protected void beginReverse(int t) {
        skipAt(t);
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
        double logitBeta = tab.logitBeta[t];
        double sb = tab.sqrtBeta[t];
        double s1b = tab.sqrtOneMinusBeta[t];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < dim; d++) {
                double x = chunkX[d * chunk + r];
                double v = PaperHead.variance(chunkOut[(dim + d) * chunk + r] + skipC[d], logitBeta);
                int o = (start + r) * dim + d;
                mean[o] = (float) PaperHead.mean(form, x, chunkOut[d * chunk + r] + skipA[d] * x + skipB[d], v, sb, s1b);
                var[o] = (float) v;
            }
        }
    }
}
