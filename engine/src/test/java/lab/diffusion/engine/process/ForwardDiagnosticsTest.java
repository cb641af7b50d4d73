package lab.diffusion.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.Test;

class ForwardDiagnosticsTest {

    /**
     * Independent route: Gaussian data N(0, diag(1.9, 0.1)) give x⁽ᵀ⁾ ~ N(0, ᾱΣ₀ + (1−ᾱ)I) exactly,
     * whose KL to N(0, I) is ½[tr Σ − D − ln det Σ].
     */
    @Test
    void matchesTheClosedFormForGaussianData() {
        SplittableRandom r = new SplittableRandom(1);
        float[] c = new float[2 * 2000];
        for (int i = 0; i < 2000; i++) {
            c[2 * i] = (float) (Math.sqrt(1.9) * r.nextGaussian());
            c[2 * i + 1] = (float) (Math.sqrt(0.1) * r.nextGaussian());
        }
        double[] b = new double[4];
        Arrays.fill(b, 1 - Math.pow(0.5, 0.25)); // ᾱ_T = 0.5
        Schedule s = Schedule.ofBetas(ScheduleFamily.LINEAR, b);
        double sx = 0.5 * 1.9 + 0.5;
        double sy = 0.5 * 0.1 + 0.5;
        double exact = 0.5 * (sx + sy - 2 - Math.log(sx * sy));
        double est = ForwardDiagnostics.endpointKl(PointSet.wrap(c, 2), s, 4000, 3);
        assertEquals(0.1131, exact, 1e-4);
        assertEquals(exact, est, 0.02);
    }

    @Test
    void aGoodScheduleReachesNoiseAndAShortOneDoesNot() {
        PointSet roll = Preset.SWISSROLL.standardizer().apply(Preset.SWISSROLL.generate(5000, 2));
        double good = ForwardDiagnostics.endpointKl(roll, Schedules.create(ScheduleFamily.LOGSNR, 40), 2000, 1);
        double[] small = new double[10];
        Arrays.fill(small, 0.01); // ᾱ_T = 0.99¹⁰ ≈ 0.90
        double bad = ForwardDiagnostics.endpointKl(roll, Schedule.ofBetas(ScheduleFamily.LINEAR, small), 2000, 1);
        // ᾱ_T = 0.25 leaves the roll's structure far below the noise: q(x⁽ᵀ⁾) is already close to N(0, I)
        double quarter = ForwardDiagnostics.endpointKl(roll, Schedules.create(ScheduleFamily.PAPER, 2), 2000, 1);
        assertTrue(good < 0.02, "log-SNR T = 40: " + good);
        assertTrue(bad > 4 * ForwardDiagnostics.NOT_NOISE_NATS, "ᾱ_T = 0.9 keeps most of the signal: " + bad);
        assertTrue(Math.abs(quarter) < 0.02, "paper T = 2: " + quarter);
    }

    /**
     * Independent route for one bit: q(x⁽ᵀ⁾=1) = p̄ + ᾱ_T(E[x⁽⁰⁾] − p̄) = p̄ when p̄ is the data's
     * rate, so a single-bit data set's KL is that of two Bernoullis: here exactly 0; with data at a
     * different rate the closed form KL(Bern(m) ‖ Bern(p̄)).
     */
    @Test
    void binaryEndpointKlMatchesTheOneBitClosedForm() {
        float[] bits = new float[1000];
        for (int i = 0; i < 700; i++) {
            bits[i] = 1f; // rate 0.7
        }
        double[] b = new double[3];
        Arrays.fill(b, 0.2); // ᾱ_T = 0.512
        Schedule s = Schedule.ofBetas(ScheduleFamily.ERASURE, b);
        double pBar = 0.3; // deliberately not the data's rate
        double m = pBar + s.alphaBar(3) * (0.7 - pBar);
        double exact = BinomialProcess.kl(m, pBar);
        double est = ForwardDiagnostics.binaryEndpointKl(PointSet.wrap(bits, 1), s, pBar, 20000, 1);
        assertEquals(exact, est, 0.01);
        assertTrue(exact > 0.05);
        PointSet heart = BinaryData.heartbeat(2000, 1);
        double erasure = ForwardDiagnostics.binaryEndpointKl(heart, Schedules.create(ScheduleFamily.ERASURE, 2000), 0.2, 2000, 1);
        assertEquals(0.0, erasure, 1e-3, "constant erasure ends exactly at Bernoulli(p̄)");
    }
}
