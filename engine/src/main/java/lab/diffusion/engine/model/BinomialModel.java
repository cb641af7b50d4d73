package lab.diffusion.engine.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import lab.diffusion.engine.nn.Mlp;
import lab.diffusion.engine.nn.ParamBuffer;
import lab.diffusion.engine.process.BinomialProcess;
import lab.diffusion.engine.schedule.Schedule;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The paper's binomial reverse model (paper-math §6): an MLP on x⁽ᵗ⁾ (paper: 20→50→50→50
 * sigmoid units) produces D·J coefficients, the temporal readout mixes them into zₐ per bit, and
 * f_b = σ(z + logit kₜ(x⁽ᵗ⁾)) with kₜ(x) = x(1−βₜ) + p̄βₜ the forward kernel. The readout starts
 * at zero, so the untrained model is the forward kernel — its own reversal under Bernoulli(p̄).
 * The t = 1 step is fixed to the kernel.
 */
public final class BinomialModel implements BinaryReverseModel {

    static final int CHUNK = AbstractReverseModel.CHUNK;

    private final ModelSpec spec;
    private final Schedule schedule;
    private final BinomialProcess process;
    private final ParamBuffer params;
    private final Mlp mlp;
    private final TemporalReadout readout;
    private final FoldedReadout folded;
    private final int dim;
    private final int steps;
    private final double[] logitKeep;
    private final double[] logitFlip;
    private final double[] entropyByOnes;

    private double[] inD = new double[0];
    private double[] outD = new double[0];
    private double[] zD = new double[0];
    private double[] dzD = new double[0];
    private double[] gradD = new double[0];
    private final double[] chunkX;

    BinomialModel(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        this.spec = spec;
        this.schedule = schedule;
        this.process = new BinomialProcess(schedule, spec.baseRate());
        this.dim = spec.dim();
        this.steps = schedule.steps();
        this.readout = spec.readout() == ModelSpec.Readout.BUMPS
                ? TemporalReadout.bumps(steps, spec.bumps())
                : TemporalReadout.perStep(steps);
        int[] sizes = new int[spec.depth() + 2];
        sizes[0] = dim;
        for (int l = 1; l <= spec.depth(); l++) {
            sizes[l] = spec.width();
        }
        sizes[spec.depth() + 1] = dim * readout.basis();
        this.params = new ParamBuffer(type, Mlp.parameterCount(sizes));
        this.mlp = new Mlp(sizes, spec.activation(), params);
        this.folded = new FoldedReadout(mlp, params, readout, dim, spec.width(), type);
        this.chunkX = new double[CHUNK * dim];
        this.logitKeep = new double[steps + 1];
        this.logitFlip = new double[steps + 1];
        for (int t = 1; t <= steps; t++) {
            logitKeep[t] = logit(process.kernel(t, 1));
            logitFlip[t] = logit(process.kernel(t, 0));
        }
        this.entropyByOnes = new double[dim + 1];
        for (int ones = 0; ones <= dim; ones++) {
            entropyByOnes[ones] = process.entropyTerms(ones, dim - ones);
        }
        this.logitRate = logit(process.baseRate());
        this.cleanBit = spec.cleanBitHead();
        mlp.initialize(new SplittableRandom(seed), 0.0);
        params.pushMaster();
    }

    /**
     * Offset of the clean-bit head: with a zero readout π = p̄ whatever x⁽ᵗ⁾, so the untrained model
     * is worse than L_null and must first learn to read x⁽ᵗ⁾ (a plateau of a few thousand steps).
     * Offsetting by logit P(x⁽⁰⁾ = 1 | x⁽ᵗ⁾) of Bernoulli(p̄) bits instead starts exactly at the
     * forward kernel (K = L_null) but, measured on the heartbeat at T = 2000 with seed 1, stalls
     * near −2.77 bits like the kernel head, while this offset reaches −2.38 in 300 s.
     */
    private final double logitRate;
    /** The head (see {@link ModelSpec#cleanBitHead()}). */
    private final boolean cleanBit;

    private static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
        return Math.log(q) - Math.log1p(-q);
    }

    /** log σ(a), stable. */
    private static double logSigmoid(double a) {
        return a >= 0 ? -Math.log1p(Math.exp(-a)) : a - Math.log1p(Math.exp(a));
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    @Override
    public ParamBuffer parameters() {
        return params;
    }

    @Override
    public double baseRate() {
        return process.baseRate();
    }

    /** The forward process this model reverses. */
    public BinomialProcess process() {
        return process;
    }

    @Override
    public int firstTrainingStep() {
        return 2;
    }

    @Override
    public double nullLogLikelihoodNats() {
        return process.nullLogLikelihood(dim);
    }


    /**
     * The clean-bit head: π = σ(z + logit p̄) is the probability that the clean bit is 1 and
     * f_b = u₀ + (u₁ − u₀)·π mixes the two posteriors q(x⁽ᵗ⁻¹⁾ = 1|x⁽ᵗ⁾, x⁽⁰⁾ = 0 or 1), known in
     * closed form. Returns KL(Bernoulli(u) ‖ Bernoulli(f_b)) and ∂KL/∂z in grad[0].
     */
    static double headX0(double u, double z, double logitRate, double u0, double u1, double[] grad) {
        double a = z + logitRate;
        double pi = a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
        double f = Math.min(1 - 1e-12, Math.max(1e-12, u0 + (u1 - u0) * pi));
        double kl = 0.0;
        if (u > 0) {
            kl += u * (Math.log(u) - Math.log(f));
        }
        if (u < 1) {
            kl += (1 - u) * (Math.log1p(-u) - Math.log1p(-f));
        }
        if (grad != null) {
            grad[0] = (f - u) / (f * (1 - f)) * (u1 - u0) * pi * (1 - pi);
        }
        return kl;
    }

    /**
     * KL(Bernoulli(u) ‖ Bernoulli(σ(a))) in nats with its derivative σ(a) − u in {@code grad[0]}.
     */
    static double head(double u, double a, double[] grad) {
        double logV = logSigmoid(a);
        double log1mV = logSigmoid(-a);
        double kl = 0.0;
        if (u > 0) {
            kl += u * (Math.log(u) - logV);
        }
        if (u < 1) {
            kl += (1 - u) * (Math.log1p(-u) - log1mV);
        }
        if (grad != null) {
            grad[0] = Math.exp(logV) - u;
        }
        return kl;
    }

    @Override
    public StepLoss lossAndGradient(TrainingBatch batch) {
        int bsz = batch.size;
        int outputs = dim * readout.basis();
        if (inD.length != bsz * dim) {
            inD = new double[bsz * dim];
            zD = new double[bsz * dim];
            dzD = new double[bsz * dim];
        }
        if (outD.length != bsz * outputs) {
            outD = new double[bsz * outputs];
            gradD = new double[bsz * outputs];
        }
        double[] posterior = dzD; // reused: holds u until the gradient overwrites it
        double entropy = 0.0;
        for (int b = 0; b < bsz; b++) {
            int t = batch.t[b];
            int ones = 0;
            for (int d = 0; d < dim; d++) {
                int x0 = batch.x0[b * dim + d] > 0.5f ? 1 : 0;
                ones += x0;
                int x = batch.eps[b * dim + d] < process.marginal(t, x0) ? 1 : 0;
                inD[d * bsz + b] = x;
                posterior[d * bsz + b] = process.posterior(t, x, x0);
            }
            entropy += entropyByOnes[ones];
        }
        Mlp.Work wk = mlp.work(bsz);
        wk.input().fromDoubles(inD);
        mlp.forward(wk);
        wk.output().toDoubles(outD);
        readout.mix(outD, bsz, dim, batch.t, zD);
        double scale = (steps - 1.0) / bsz;
        double[] g = new double[1];
        double klSum = 0.0;
        for (int b = 0; b < bsz; b++) {
            int t = batch.t[b];
            for (int d = 0; d < dim; d++) {
                int k = d * bsz + b;
                if (cleanBit) {
                    int xt = inD[k] > 0.5 ? 1 : 0;
                    klSum += headX0(posterior[k], zD[k], logitRate, process.posterior(t, xt, 0), process.posterior(t, xt, 1), g);
                } else {
                    double a = zD[k] + (inD[k] > 0.5 ? logitKeep[t] : logitFlip[t]);
                    klSum += head(posterior[k], a, g);
                }
                dzD[k] = scale * g[0];
            }
        }
        readout.spread(dzD, bsz, dim, batch.t, gradD);
        wk.outputGradient().fromDoubles(gradD);
        mlp.backward(wk);
        double loss = scale * klSum - entropy / bsz;
        return new StepLoss(loss, -loss);
    }

    @Override
    public void reverse(float[] x, int n, int t, float[] prob) {
        if (t < 1 || t > steps) {
            throw new IllegalArgumentException("t must be in 1.." + steps + ", got " + t);
        }
        if (t == 1) {
            for (int i = 0; i < n * dim; i++) {
                prob[i] = (float) process.kernel(1, x[i] > 0.5f ? 1 : 0);
            }
            return;
        }
        folded.prepare(t);
        int chunk = AbstractReverseModel.chunkRows(n);
        Mlp.Work wk = mlp.work(chunk);
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            Arrays.fill(chunkX, 0, chunk * dim, 0.0);
            for (int r = 0; r < rows; r++) {
                for (int d = 0; d < dim; d++) {
                    chunkX[d * chunk + r] = x[(start + r) * dim + d] > 0.5f ? 1.0 : 0.0;
                }
            }
            wk.input().fromDoubles(chunkX);
            double[] z = folded.apply(wk);
            for (int r = 0; r < rows; r++) {
                for (int d = 0; d < dim; d++) {
                    if (cleanBit) {
                        int xt = chunkX[d * chunk + r] > 0.5 ? 1 : 0;
                        double a = z[d * chunk + r] + logitRate;
                        double pi = 1.0 / (1.0 + Math.exp(-a));
                        double u0 = process.posterior(t, xt, 0);
                        prob[(start + r) * dim + d] = (float) (u0 + (process.posterior(t, xt, 1) - u0) * pi);
                    } else {
                        double a = z[d * chunk + r] + (chunkX[d * chunk + r] > 0.5 ? logitKeep[t] : logitFlip[t]);
                        prob[(start + r) * dim + d] = (float) (1.0 / (1.0 + Math.exp(-a)));
                    }
                }
            }
        }
    }
}
