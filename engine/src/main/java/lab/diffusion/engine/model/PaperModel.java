package lab.diffusion.engine.model;

import java.util.SplittableRandom;
import lab.diffusion.engine.nn.Mlp;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The paper's Gaussian reverse model (paper-math §3): an MLP on x⁽ᵗ⁾ produces 2·D·J
 * coefficients; the temporal readout mixes them with gⱼ(t) into (z_μ, z_Σ) per coordinate;
 * f_Σ = σ(z_Σ + logit βₜ) and f_μ in the code or eq. 65 form. The readout layer starts at zero,
 * so with the code-form mean the untrained model is exactly the forward kernel.
 * <p>
 * Built with a {@link ScheduleFamily#LEARNED} schedule, β₂…β_T become parameters too
 * (paper §2.4.1): βₜ = σ(cₜ + logit β_base,t) with cₜ starting at 0 and β₁ fixed, trained with the
 * network by gradient ascent on K with the batch's noise frozen ({@link ScheduleGradient}).
 */
public final class PaperModel extends AbstractReverseModel {

    private final TemporalReadout readout;
    private final int basis;
    private final int outputs;
    private final ModelSpec.MeanForm form;
    private double entropy;
    /** Learned schedule: the starting schedule, logit of its β, the offset of cₜ in the buffer (−1: fixed schedule). */
    private final Schedule base;
    private final double[] baseLogit;
    private final int scheduleOffset;
    private double[] shownOffsets = new double[0];
    private final double[] grad2 = new double[2];
    private double[] zD = new double[0];
    private double[] dzD = new double[0];
    private final FoldedReadout folded;

    PaperModel(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        super(spec, schedule, type, sizes(spec, schedule.steps()),
                schedule.family() == ScheduleFamily.LEARNED ? schedule.steps() - 1 : 0);
        this.readout = spec.readout() == ModelSpec.Readout.BUMPS
                ? TemporalReadout.bumps(schedule.steps(), spec.bumps())
                : TemporalReadout.perStep(schedule.steps());
        this.basis = readout.basis();
        this.outputs = 2 * dim * basis;
        this.form = spec.meanForm();
        this.entropy = GaussianTables.entropyTerms(schedule, dim);
        this.folded = new FoldedReadout(mlp, params, readout, 2 * dim, spec.width(), type);
        this.base = schedule;
        if (schedule.family() == ScheduleFamily.LEARNED) {
            this.scheduleOffset = params.reserve(steps - 1); // cₜ for t = 2..T, zero: start at the base schedule
            this.baseLogit = new double[steps + 1];
            for (int t = 2; t <= steps; t++) {
                double b = Math.min(schedule.beta(t), 1 - 1e-9);
                baseLogit[t] = Math.log(b) - Math.log1p(-b);
            }
        } else {
            this.scheduleOffset = -1;
            this.baseLogit = null;
        }
        mlp.initialize(new SplittableRandom(seed), 0.0);
        params.pushMaster();
        shownOffsets = new double[Math.max(0, steps - 1)];
    }

    /** True when the schedule is learned with the model. */
    public boolean learnsSchedule() {
        return scheduleOffset >= 0;
    }

    @Override
    public int[] scheduleParameterRange() {
        return scheduleOffset < 0 ? null : new int[] {scheduleOffset, scheduleOffset + steps - 1};
    }

    @Override
    public Schedule baseSchedule() {
        return base;
    }

    @Override
    public Schedule schedule() {
        refreshSchedule();
        return schedule;
    }

    /** Learned schedule: rebuilds the tables when the offsets cₜ changed since the last call. */
    private void refreshSchedule() {
        if (scheduleOffset < 0) {
            return;
        }
        double[] m = params.master();
        boolean same = true;
        for (int i = 0; i < shownOffsets.length && same; i++) {
            same = shownOffsets[i] == m[scheduleOffset + i];
        }
        if (same && schedule != base) {
            return;
        }
        double[] betas = new double[steps];
        betas[0] = base.beta(1);
        for (int t = 2; t <= steps; t++) {
            double c = m[scheduleOffset + t - 2];
            shownOffsets[t - 2] = c;
            double z = c + baseLogit[t];
            double b = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            betas[t - 1] = Math.min(1 - 1e-9, Math.max(1e-12, b));
        }
        useSchedule(Schedule.ofBetas(ScheduleFamily.LEARNED, betas));
        entropy = GaussianTables.entropyTerms(schedule, dim);
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
        refreshSchedule();
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
        mlp.backward(wk, learnsSchedule());
        if (learnsSchedule()) {
            scheduleGradient(batch, wk, scale);
        }
        double loss = scale * klSum - entropy;
        return new StepLoss(loss, -loss);
    }

    /**
     * ∂loss/∂cₜ into the gradient buffer: per example the KL's derivatives at its step t with
     * respect to ᾱₜ₋₁ and βₜ (noise frozen), chained through ᾱₜ₋₁ = ∏_{s<t}(1−βₛ), plus the entropy
     * terms through ᾱ_T, times dβ/dc = β(1−β).
     */
    private void scheduleGradient(TrainingBatch batch, Mlp.Work wk, double scale) {
        int bsz = batch.size;
        double[] gx = new double[bsz * dim];
        wk.inputGradient().toDoubles(gx);
        double[] gAp = new double[steps + 1]; // Σ ∂KL/∂ᾱₜ₋₁ · ᾱₜ₋₁ over the examples at t
        double[] gB = new double[steps + 1];  // Σ ∂KL/∂βₜ
        double[] out = new double[2];
        for (int b = 0; b < bsz; b++) {
            int t = batch.t[b];
            double ap = schedule.alphaBar(t - 1);
            double beta = schedule.beta(t);
            for (int d = 0; d < dim; d++) {
                int k = d * bsz + b;
                int ks = (dim + d) * bsz + b;
                // gx holds ∂(scale·Σ KL)/∂x; the partials want the unscaled network path
                ScheduleGradient.partials(form, batch.x0[b * dim + d], batch.eps[b * dim + d], ap, beta, zD[k], zD[ks],
                        gx[k] / scale, out);
                gAp[t] += out[0] * ap;
                gB[t] += out[1];
            }
        }
        double[] g = new double[steps - 1];
        double suffix = 0; // Σ_{t > s} gAp[t]
        double abT = schedule.alphaBar(steps);
        double dEntropy = 0.5 * dim * abT / schedule.oneMinusAlphaBar(steps); // ∂C/∂βₛ · (1 − βₛ)
        for (int s = steps; s >= 2; s--) {
            double beta = schedule.beta(s);
            double dLdBeta = scale * (gB[s] - suffix / (1 - beta)) - dEntropy / (1 - beta);
            g[s - 2] = dLdBeta * beta * (1 - beta);
            suffix += gAp[s];
        }
        params.writeGradient(scheduleOffset, g);
    }

    @Override
    protected void beginReverse(int t) {
        refreshSchedule();
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
