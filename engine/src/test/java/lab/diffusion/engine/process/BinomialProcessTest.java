package lab.diffusion.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.Test;

class BinomialProcessTest {

    /** Probability of a whole path x⁽⁰⁾…x⁽ᵀ⁾ of one bit under the forward kernels. */
    private static double pathProbability(BinomialProcess q, int[] path) {
        double p = 1;
        for (int t = 1; t < path.length; t++) {
            double one = q.kernel(t, path[t - 1]);
            p *= path[t] == 1 ? one : 1 - one;
        }
        return p;
    }

    /** Brute force over all 2^T paths of a short chain: marginals and posteriors by summation and Bayes. */
    @Test
    void marginalAndPosteriorMatchEnumerationOverAShortChain() {
        int steps = 5;
        double[] betas = {0.1, 0.3, 0.25, 0.6, 0.8};
        Schedule s = Schedule.ofBetas(ScheduleFamily.ERASURE, betas);
        BinomialProcess q = new BinomialProcess(s, 0.3);
        for (int x0 = 0; x0 <= 1; x0++) {
            double[] marg = new double[steps + 1];
            // joint[t][a][b] = P(x_{t-1} = a, x_t = b | x0)
            double[][][] joint = new double[steps + 1][2][2];
            for (int code = 0; code < (1 << steps); code++) {
                int[] path = new int[steps + 1];
                path[0] = x0;
                for (int t = 1; t <= steps; t++) {
                    path[t] = (code >> (t - 1)) & 1;
                }
                double p = pathProbability(q, path);
                for (int t = 1; t <= steps; t++) {
                    marg[t] += path[t] * p;
                    joint[t][path[t - 1]][path[t]] += p;
                }
            }
            for (int t = 1; t <= steps; t++) {
                assertEquals(marg[t], q.marginal(t, x0), 1e-12, "marginal t=" + t);
            }
            for (int t = 2; t <= steps; t++) {
                for (int xt = 0; xt <= 1; xt++) {
                    double post = joint[t][1][xt] / (joint[t][0][xt] + joint[t][1][xt]);
                    assertEquals(post, q.posterior(t, xt, x0), 1e-12, "posterior t=" + t + " xt=" + xt + " x0=" + x0);
                }
            }
        }
    }

    @Test
    void constantErasureLeavesTheStatedSignal() {
        Schedule s = Schedules.create(ScheduleFamily.ERASURE, 2000);
        BinomialProcess q = new BinomialProcess(s, 0.2);
        for (int t : new int[] {1, 10, 1000, 1999}) {
            assertEquals((2000.0 - t) / 2000 * 1 + t / 2000.0 * 0.2, q.marginal(t, 1), 1e-9);
            assertEquals(t / 2000.0 * 0.2, q.marginal(t, 0), 1e-9);
        }
        // the heartbeat's L_null: −20·H_b(0.2) = −14.4386 bits
        assertEquals(-14.4386, q.nullLogLikelihood(20) / Math.log(2), 1e-4);
    }

    @Test
    void bernoulliKlAndEntropy() {
        assertEquals(0.0, BinomialProcess.kl(0.3, 0.3), 1e-15);
        assertEquals(0.3 * Math.log(0.3 / 0.6) + 0.7 * Math.log(0.7 / 0.4), BinomialProcess.kl(0.3, 0.6), 1e-15);
        assertEquals(Math.log(2), BinomialProcess.entropy(0.5), 1e-15);
        assertEquals(0.0, BinomialProcess.entropy(1.0), 0);
    }
}
