package lab.diffusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import lab.diffusion.engine.nn.Activation;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.testutil.FiniteDifference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/** Whole training losses (head, readout, network) against finite differences in float64. */
class ModelGradientTest {

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
    }

    static TrainingBatch batch(int size, int dim, int steps, int firstT, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        TrainingBatch b = new TrainingBatch(size, dim);
        for (int i = 0; i < size; i++) {
            b.t[i] = firstT + r.nextInt(steps - firstT + 1);
            for (int d = 0; d < dim; d++) {
                b.x0[i * dim + d] = (float) r.nextGaussian();
                b.eps[i * dim + d] = (float) r.nextGaussian();
            }
        }
        return b;
    }

    static void randomize(ReverseModel m, long seed, double sd) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = m.parameters().master();
        for (int i = 0; i < p.length; i++) {
            p[i] = sd * r.nextGaussian();
        }
        m.parameters().pushMaster();
    }

    static double worstRelativeError(ReverseModel m, TrainingBatch batch) {
        m.lossAndGradient(batch);
        double[] grad = new double[m.parameters().size()];
        m.parameters().readGradient(grad);
        double[] p = m.parameters().master();
        double worst = 0;
        for (int i = 0; i < p.length; i++) {
            final int k = i;
            final double keep = p[i];
            double fd = FiniteDifference.derivative(dx -> {
                p[k] = keep + dx;
                m.parameters().pushMaster();
                return m.lossAndGradient(batch).loss();
            }, 1e-4);
            p[k] = keep;
            m.parameters().pushMaster();
            worst = Math.max(worst, FiniteDifference.relativeError(fd, grad[i], 1e-4));
        }
        return worst;
    }

    @ParameterizedTest
    @CsvSource({"BUMPS,CODE", "BUMPS,EQ65", "BUMPS,RESIDUAL", "PER_STEP,CODE", "PER_STEP,EQ65"})
    void paperModelLossGradient(ModelSpec.Readout readout, ModelSpec.MeanForm form) {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 8);
        ModelSpec spec = new ModelSpec(ModelSpec.Kind.PAPER, 2, 6, 2, Activation.TANH, readout, 4, form,
                ModelSpec.DdpmVariance.POSTERIOR, 8, Double.NaN);
        ReverseModel m = Models.gaussian(spec, s, DataType.DOUBLE, 3);
        randomize(m, 5, 0.4);
        double worst = worstRelativeError(m, batch(7, 2, 8, 2, 9));
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    /**
     * A learned schedule (paper §2.4.1): the loss's gradient with respect to the network and the
     * schedule offsets cₜ, with the batch's noise frozen, against finite differences.
     */
    @ParameterizedTest
    @CsvSource({"BUMPS,CODE", "BUMPS,EQ65", "PER_STEP,CODE"})
    void learnedScheduleGradientMatchesFiniteDifferences(ModelSpec.Readout readout, ModelSpec.MeanForm form) {
        Schedule s = Schedule.ofBetas(ScheduleFamily.LEARNED,
                Schedules.create(ScheduleFamily.COSINE, 8).betas());
        ModelSpec spec = new ModelSpec(ModelSpec.Kind.PAPER, 2, 6, 2, Activation.TANH, readout, 4, form,
                ModelSpec.DdpmVariance.POSTERIOR, 8, Double.NaN);
        ReverseModel m = Models.gaussian(spec, s, DataType.DOUBLE, 3);
        assertEquals(spec.parameterCount(8) + 7, m.parameters().size(), "T − 1 schedule parameters");
        randomize(m, 12, 0.4);
        double worst = worstRelativeError(m, batch(9, 2, 8, 2, 13));
        assertTrue(worst < 1e-6, "worst relative error " + worst);
        // the schedule moved with the offsets, β₁ did not, and β stays in (0, 1)
        assertEquals(s.beta(1), m.schedule().beta(1), 0.0);
        for (int t = 1; t <= 8; t++) {
            assertTrue(m.schedule().beta(t) > 0 && m.schedule().beta(t) < 1);
        }
    }

    /** The paper's parametrization with t through an input embedding (the image model), both mean forms, D = 5. */
    @ParameterizedTest
    @CsvSource({"CODE", "EQ65", "RESIDUAL"})
    void embeddingPaperModelLossGradient(ModelSpec.MeanForm form) {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 12);
        ModelSpec spec = new ModelSpec(ModelSpec.Kind.PAPER, 5, 6, 2, Activation.TANH, ModelSpec.Readout.EMBEDDING, 4, form,
                ModelSpec.DdpmVariance.POSTERIOR, 6, Double.NaN);
        ReverseModel m = Models.gaussian(spec, s, DataType.DOUBLE, 3);
        assertTrue(m instanceof PaperEmbeddingModel);
        randomize(m, 8, 0.4);
        double worst = worstRelativeError(m, batch(7, 5, 12, 2, 11));
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    /** Zero output layer + code-form mean: every reverse step is the forward kernel N(√(1−βₜ)x, βₜ). */
    @Test
    void untrainedEmbeddingModelIsTheForwardKernel() {
        Schedule s = Schedules.create(ScheduleFamily.COSINE, 20);
        ReverseModel m = Models.gaussian(ModelSpec.imageDefault(9, 16), s, DataType.DOUBLE, 4);
        float[] x = new float[3 * 9];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] mean = new float[x.length];
        float[] var = new float[x.length];
        for (int t : new int[] {2, 11, 20}) {
            m.reverse(x, 3, t, mean, var);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Math.sqrt(1 - s.beta(t)) * x[i], mean[i], 1e-6);
                assertEquals(s.beta(t), var[i], 1e-7 + 1e-6 * s.beta(t));
            }
        }
    }

    @Test
    void ddpmModelLossGradient() {
        Schedule s = Schedules.create(ScheduleFamily.COSINE, 10);
        ModelSpec spec = new ModelSpec(ModelSpec.Kind.DDPM, 2, 6, 2, Activation.TANH, ModelSpec.Readout.BUMPS, 4,
                ModelSpec.MeanForm.CODE, ModelSpec.DdpmVariance.BETA, 6, Double.NaN);
        ReverseModel m = Models.gaussian(spec, s, DataType.DOUBLE, 3);
        randomize(m, 6, 0.4);
        double worst = worstRelativeError(m, batch(7, 2, 10, 1, 10));
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @Test
    void headGradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(4);
        double[] g = new double[2];
        for (ModelSpec.MeanForm eq65 : ModelSpec.MeanForm.values()) {
            for (int trial = 0; trial < 200; trial++) {
                double x = r.nextGaussian();
                double mu = r.nextGaussian();
                double pv = 0.01 + r.nextDouble() * 0.3;
                double beta = pv * (1 + r.nextDouble());
                double lb = Math.log(beta / (1 - beta));
                double zm = r.nextGaussian();
                double zs = 2 * r.nextGaussian();
                PaperHead.kl(eq65, x, mu, pv, Math.log(pv), Math.sqrt(beta), Math.sqrt(1 - beta), lb, zm, zs, g);
                final ModelSpec.MeanForm form = eq65;
                double fdMu = FiniteDifference.derivative(dz -> PaperHead.kl(form, x, mu, pv, Math.log(pv), Math.sqrt(beta),
                        Math.sqrt(1 - beta), lb, zm + dz, zs, null), 1e-4);
                double fdSg = FiniteDifference.derivative(dz -> PaperHead.kl(form, x, mu, pv, Math.log(pv), Math.sqrt(beta),
                        Math.sqrt(1 - beta), lb, zm, zs + dz, null), 1e-4);
                assertTrue(FiniteDifference.relativeError(fdMu, g[0], 1e-8) < 1e-8, "z_mu: fd " + fdMu + " vs " + g[0]);
                assertTrue(FiniteDifference.relativeError(fdSg, g[1], 1e-8) < 1e-8, "z_sigma: fd " + fdSg + " vs " + g[1]);
            }
        }
    }

    @Test
    void headKlEqualsTheClosedFormGaussianKl() {
        // independent: KL via the textbook formula from f_μ, f_Σ computed separately
        double x = 0.7;
        double mu = -0.2;
        double pv = 0.05;
        double beta = 0.08;
        double lb = Math.log(beta / (1 - beta));
        double zm = 0.3;
        double zs = -0.4;
        for (ModelSpec.MeanForm eq65 : ModelSpec.MeanForm.values()) {
            double var = 1 / (1 + Math.exp(-(zs + lb)));
            double mean = switch (eq65) {
                case EQ65 -> (x - zm) * (1 - var) + zm;
                case RESIDUAL -> x + var * zm;
                case CODE -> Math.sqrt(1 - beta) * x + Math.sqrt(beta) * zm;
            };
            double expected = 0.5 * (Math.log(var / pv) + (pv + (mu - mean) * (mu - mean)) / var - 1);
            double got = PaperHead.kl(eq65, x, mu, pv, Math.log(pv), Math.sqrt(beta), Math.sqrt(1 - beta), lb, zm, zs, null);
            assertEquals(expected, got, 1e-14);
        }
    }

    @Test
    void floatModelGradientAgreesWithDoubleModel() {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 40);
        ModelSpec spec = ModelSpec.paperDefault(2);
        ReverseModel md = Models.gaussian(spec, s, DataType.DOUBLE, 1);
        ReverseModel mf = Models.gaussian(spec, s, DataType.FLOAT, 1);
        randomize(md, 2, 0.05);
        mf.parameters().setAll(md.parameters().master());
        TrainingBatch b = batch(64, 2, 40, 2, 3);
        double ld = md.lossAndGradient(b).loss();
        double lf = mf.lossAndGradient(b).loss();
        assertEquals(ld, lf, 1e-4 * Math.abs(ld));
        double[] gd = new double[md.parameters().size()];
        double[] gf = new double[gd.length];
        md.parameters().readGradient(gd);
        mf.parameters().readGradient(gf);
        double num = 0;
        double den = 0;
        for (int i = 0; i < gd.length; i++) {
            num += (gd[i] - gf[i]) * (gd[i] - gf[i]);
            den += gd[i] * gd[i];
        }
        assertTrue(Math.sqrt(num / den) < 1e-4, "relative gradient difference " + Math.sqrt(num / den));
    }
}
