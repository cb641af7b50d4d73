package lab.diffusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.nn.Activation;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.objective.BinomialBoundEvaluator;
import lab.diffusion.engine.objective.BoundReport;
import lab.diffusion.engine.process.BinomialProcess;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.testutil.FiniteDifference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

class BinomialModelTest {

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
    }

    static TrainingBatch batch(int size, int bits, int steps, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        TrainingBatch b = new TrainingBatch(size, bits);
        for (int i = 0; i < size; i++) {
            b.t[i] = 2 + r.nextInt(steps - 1);
            for (int d = 0; d < bits; d++) {
                b.x0[i * bits + d] = r.nextDouble() < 0.3 ? 1f : 0f;
                b.eps[i * bits + d] = (float) r.nextDouble();
            }
        }
        return b;
    }

    @ParameterizedTest
    @CsvSource({"BUMPS,false", "PER_STEP,false", "BUMPS,true", "PER_STEP,true"})
    void lossGradientMatchesFiniteDifferences(ModelSpec.Readout readout, boolean cleanBit) {
        Schedule s = Schedules.create(ScheduleFamily.ERASURE, 12);
        ModelSpec spec = new ModelSpec(ModelSpec.Kind.BINOMIAL, 6, 5, 2, Activation.SIGMOID, readout, 4,
                ModelSpec.MeanForm.CODE, ModelSpec.DdpmVariance.POSTERIOR, 8, 0.3, cleanBit);
        TrainableModel m = Models.create(spec, s, DataType.DOUBLE, 2);
        SplittableRandom r = new SplittableRandom(7);
        double[] p = m.parameters().master();
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.5 * r.nextGaussian();
        }
        m.parameters().pushMaster();
        TrainingBatch b = batch(9, 6, 12, 3);
        m.lossAndGradient(b);
        double[] grad = new double[p.length];
        m.parameters().readGradient(grad);
        double worst = 0;
        for (int i = 0; i < p.length; i++) {
            final int k = i;
            final double keep = p[i];
            double fd = FiniteDifference.derivative(dx -> {
                p[k] = keep + dx;
                m.parameters().pushMaster();
                return m.lossAndGradient(b).loss();
            }, 1e-4);
            p[k] = keep;
            m.parameters().pushMaster();
            worst = Math.max(worst, FiniteDifference.relativeError(fd, grad[i], 1e-4));
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @Test
    void headGradientIsSigmoidMinusPosterior() {
        double[] g = new double[1];
        for (double u : new double[] {0.0, 0.2, 0.7, 1.0}) {
            for (double a : new double[] {-6, -1, 0, 2.5, 9}) {
                BinomialModel.head(u, a, g);
                double fd = FiniteDifference.derivative(da -> BinomialModel.head(u, a + da, null), 1e-4);
                assertEquals(fd, g[0], 1e-9);
                double v = 1 / (1 + Math.exp(-a));
                assertEquals(BinomialProcess.kl(u, v), BinomialModel.head(u, a, null), 1e-12);
            }
        }
    }

    @Test
    void cleanBitHeadGradientMatchesFiniteDifferencesAndMixesThePosteriors() {
        double[] g = new double[1];
        double logitRate = Math.log(0.2 / 0.8);
        double[][] posteriors = {{0.05, 0.9}, {0.3, 0.35}, {0.0, 1.0}, {0.6, 0.2}};
        for (double[] uu : posteriors) {
            for (double u : new double[] {0.0, 0.25, 0.8, 1.0}) {
                for (double z : new double[] {-5, -0.7, 0, 1.3, 6}) {
                    double kl = BinomialModel.headX0(u, z, logitRate, uu[0], uu[1], g);
                    double fd = FiniteDifference.derivative(dz -> BinomialModel.headX0(u, z + dz, logitRate, uu[0], uu[1], null), 1e-5);
                    assertEquals(fd, g[0], 1e-7 * Math.max(1, Math.abs(fd)), "u=" + u + " z=" + z);
                    // independently: π = P(clean bit = 1) = σ(z + logit p̄); f = (1 − π)·u₀ + π·u₁
                    double pi = 1 / (1 + Math.exp(-(z + logitRate)));
                    double f = (1 - pi) * uu[0] + pi * uu[1];
                    assertEquals(BinomialProcess.kl(u, Math.min(1 - 1e-12, Math.max(1e-12, f))), kl, 1e-9);
                }
            }
        }
    }

    /** p(x⁽ᵗ⁻¹⁾ = 1 | x⁽ᵗ⁾) of a per-bit reverse model that ignores the other bits. */
    private interface PerBitReverse {
        double probability(int t, int xt);
    }

    /**
     * The exact K (nats) of a per-bit reverse model on the heartbeat (per sequence 4 ones, 16
     * zeros), enumerating x⁽⁰⁾ and x⁽ᵗ⁾ ∈ {0, 1} for every t ≥ 2.
     */
    private static double exactHeartbeatBound(BinomialProcess q, int steps, PerBitReverse f) {
        double exact = 0;
        for (int x0 = 0; x0 <= 1; x0++) {
            int count = x0 == 1 ? 4 : 16;
            double kl = 0;
            for (int t = 2; t <= steps; t++) {
                double m = q.marginal(t, x0);
                for (int xt = 0; xt <= 1; xt++) {
                    double pxt = xt == 1 ? m : 1 - m;
                    kl += pxt * BinomialProcess.kl(q.posterior(t, xt, x0), f.probability(t, xt));
                }
            }
            exact -= count * kl;
        }
        return exact + q.entropyTerms(4, 16);
    }

    /**
     * The untrained clean-bit model (readout 0, so π = p̄ for every bit) predicts
     * f = (1 − p̄)·q(·|x⁽ᵗ⁾, 0) + p̄·q(·|x⁽ᵗ⁾, 1). Its exact K, enumerated over x⁽⁰⁾ and x⁽ᵗ⁾,
     * matches the Monte-Carlo bound and is below L_null (the kernel is the best per-bit reverse
     * model for Bernoulli(p̄) bits, and this mixture is not the kernel).
     */
    @Test
    void untrainedCleanBitModelMatchesItsExactBound() {
        Schedule s = Schedules.create(ScheduleFamily.ERASURE, 200);
        BinomialProcess q = new BinomialProcess(s, 0.2);
        double exact = exactHeartbeatBound(q, 200, (t, xt) -> 0.8 * q.posterior(t, xt, 0) + 0.2 * q.posterior(t, xt, 1));
        double lnull = q.nullLogLikelihood(20);
        assertTrue(exact < lnull - 1e-3, "exact " + exact + " vs L_null " + lnull);
        BinaryReverseModel m = Models.binomial(ModelSpec.binomialDefault(20, 0.2, 10), s, 1);
        BoundReport r = BinomialBoundEvaluator.evaluate(m, BinaryData.heartbeat(4000, 5), 3);
        assertEquals(exact, r.kNats(), 0.03, "Monte-Carlo K of the untrained clean-bit model");
    }

    /**
     * By hand: the untrained kernel-head model is the forward kernel, and every heartbeat bit is marginally
     * Bernoulli(0.2) = π, so per bit the model is exact and K = L_null = −20·H_b(0.2). The sum of
     * E[KL] over t is computed exactly by enumerating x⁽ᵗ⁾ ∈ {0, 1}.
     */
    @Test
    void untrainedModelOnTheHeartbeatHasKEqualToLnull() {
        Schedule s = Schedules.create(ScheduleFamily.ERASURE, 200);
        BinomialProcess q = new BinomialProcess(s, 0.2);
        double exact = exactHeartbeatBound(q, 200, q::kernel);
        double lnull = q.nullLogLikelihood(20);
        assertEquals(lnull, exact, 1e-9, "exact K of the untrained model");
        assertEquals(-14.4386, lnull / Math.log(2), 1e-4);

        ModelSpec spec = ModelSpec.binomialDefault(20, 0.2, 10).withCleanBitHead(false);
        BinaryReverseModel m = Models.binomial(spec, s, 1);
        PointSet held = BinaryData.heartbeat(4000, 5);
        BoundReport r = BinomialBoundEvaluator.evaluate(m, held, 3);
        BoundReport r2 = BinomialBoundEvaluator.evaluate(m, held, 4);
        assertEquals(lnull, r.kNats(), 0.03, "Monte-Carlo K of the untrained model");
        assertEquals(r.kNats(), r2.kNats(), 0.03);
        assertEquals(lnull, r.lnullNats(), 1e-12);
    }

    /**
     * The training loss and the sampler use the same reverse probabilities: the loss of a batch
     * at one t equals (T − 1)·mean KL(q(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾, x⁽⁰⁾) ‖ p) − mean entropy terms, with p taken
     * from {@code reverse}.
     */
    @ParameterizedTest
    @CsvSource({"false", "true"})
    void lossUsesTheSamplersReverseProbabilities(boolean cleanBit) {
        int steps = 30;
        int bits = 7;
        Schedule s = Schedules.create(ScheduleFamily.ERASURE, steps);
        ModelSpec spec = new ModelSpec(ModelSpec.Kind.BINOMIAL, bits, 6, 2, Activation.SIGMOID,
                ModelSpec.Readout.BUMPS, 4, ModelSpec.MeanForm.CODE, ModelSpec.DdpmVariance.POSTERIOR, 8, 0.3, cleanBit);
        TrainableModel m = Models.create(spec, s, DataType.DOUBLE, 4);
        SplittableRandom r = new SplittableRandom(11);
        double[] p = m.parameters().master();
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.6 * r.nextGaussian();
        }
        m.parameters().pushMaster();
        BinomialProcess q = new BinomialProcess(s, 0.3);
        for (int t : new int[] {2, 9, 30}) {
            TrainingBatch b = batch(12, bits, steps, 5 + t);
            Arrays.fill(b.t, t);
            double loss = m.lossAndGradient(b).loss();
            float[] xt = new float[12 * bits];
            for (int i = 0; i < xt.length; i++) {
                xt[i] = b.eps[i] < q.marginal(t, b.x0[i] > 0.5f ? 1 : 0) ? 1f : 0f;
            }
            float[] prob = new float[xt.length];
            ((BinaryReverseModel) m).reverse(xt, 12, t, prob);
            double kl = 0;
            double entropy = 0;
            for (int row = 0; row < 12; row++) {
                int ones = 0;
                for (int d = 0; d < bits; d++) {
                    int i = row * bits + d;
                    int x0 = b.x0[i] > 0.5f ? 1 : 0;
                    ones += x0;
                    kl += BinomialProcess.kl(q.posterior(t, xt[i] > 0.5f ? 1 : 0, x0), prob[i]);
                }
                entropy += q.entropyTerms(ones, bits - ones);
            }
            double expected = (steps - 1.0) * kl / 12 - entropy / 12;
            assertEquals(expected, loss, 1e-4 * Math.max(1, Math.abs(expected)), "t = " + t);
        }
    }

    @Test
    void floatModelAgreesWithDoubleModel() {
        Schedule s = Schedules.create(ScheduleFamily.ERASURE, 100);
        ModelSpec spec = ModelSpec.binomialDefault(20, 0.2, 10);
        TrainableModel md = Models.create(spec, s, DataType.DOUBLE, 1);
        TrainableModel mf = Models.create(spec, s, DataType.FLOAT, 1);
        SplittableRandom r = new SplittableRandom(2);
        double[] p = md.parameters().master();
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.2 * r.nextGaussian();
        }
        md.parameters().pushMaster();
        mf.parameters().setAll(p);
        TrainingBatch b = batch(64, 20, 100, 9);
        double ld = md.lossAndGradient(b).loss();
        double lf = mf.lossAndGradient(b).loss();
        assertEquals(ld, lf, 1e-4 * Math.abs(ld));
        float[] x = new float[3 * 20];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < 0.2 ? 1f : 0f;
        }
        float[] pd = new float[x.length];
        float[] pf = new float[x.length];
        ((BinaryReverseModel) md).reverse(x, 3, 50, pd);
        ((BinaryReverseModel) mf).reverse(x, 3, 50, pf);
        for (int i = 0; i < x.length; i++) {
            assertEquals(pd[i], pf[i], 1e-5);
            assertTrue(pf[i] > 0 && pf[i] < 1);
        }
    }
}
