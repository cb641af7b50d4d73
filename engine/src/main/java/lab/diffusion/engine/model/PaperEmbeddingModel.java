package lab.diffusion.engine.model;

import java.util.SplittableRandom;
import lab.diffusion.engine.nn.Mlp;
import lab.diffusion.engine.schedule.Schedule;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The paper's reverse parametrization (paper-math §3) with time fed to the network instead of
 * read out through bumps: an MLP on [x⁽ᵗ⁾, sinusoidal embedding of t] gives (z_μ, z_Σ) for every
 * coordinate, f_Σ = σ(z_Σ + logit βₜ) and f_μ in the code or eq. 65 form. Its output layer is
 * independent of T, which keeps image models (D = 784 and more) small; the output layer starts
 * at zero, so with the code-form mean the untrained model is the forward kernel.
 */
public final class PaperEmbeddingModel extends AbstractReverseModel {

    private final int embed;
    private final double[] embedding;
    private final ModelSpec.MeanForm form;
    private final double entropy;
    private final double[] grad2 = new double[2];
    private final double[] chunkIn;
    private final double[] chunkOut;

    PaperEmbeddingModel(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        super(spec, schedule, type, sizes(spec));
        this.embed = spec.embedding();
        this.embedding = DdpmModel.embeddingTable(schedule.steps(), embed);
        this.form = spec.meanForm();
        this.entropy = GaussianTables.entropyTerms(schedule, dim);
        this.chunkIn = new double[CHUNK * (dim + embed)];
        this.chunkOut = new double[CHUNK * 2 * dim];
        mlp.initialize(new SplittableRandom(seed), 0.0);
        params.pushMaster();
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
        for (int b = 0; b < bsz; b++) {
            int t = batch.t[b];
            for (int d = 0; d < dim; d++) {
                int k = d * bsz + b;
                int ks = (dim + d) * bsz + b;
                klSum += PaperHead.kl(form, xt[k], mu[k], tab.postVar[t], tab.logPostVar[t], tab.sqrtBeta[t],
                        tab.sqrtOneMinusBeta[t], tab.logitBeta[t], outD[k], outD[ks], grad2);
                gradD[k] = scale * grad2[0];
                gradD[ks] = scale * grad2[1];
            }
        }
        wk.outputGradient().fromDoubles(gradD);
        mlp.backward(wk);
        double loss = scale * klSum - entropy;
        return new StepLoss(loss, -loss);
    }

    @Override
    protected void reverseChunk(int t, int rows, int chunk, int start, float[] mean, float[] var) {
        Mlp.Work wk = mlp.work(chunk);
        System.arraycopy(chunkX, 0, chunkIn, 0, chunk * dim);
        int eo = t * embed;
        for (int k = 0; k < embed; k++) {
            java.util.Arrays.fill(chunkIn, (dim + k) * chunk, (dim + k + 1) * chunk, embedding[eo + k]);
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
                double v = PaperHead.variance(chunkOut[(dim + d) * chunk + r], logitBeta);
                int o = (start + r) * dim + d;
                mean[o] = (float) PaperHead.mean(form, x, chunkOut[d * chunk + r], v, sb, s1b);
                var[o] = (float) v;
            }
        }
    }
}
