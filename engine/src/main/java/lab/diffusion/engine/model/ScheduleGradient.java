package lab.diffusion.engine.model;

/**
 * The derivative of one coordinate's KL term (paper-math §4) with respect to the schedule at
 * its step t, with the forward noise ε frozen (paper §2.4.1): with ā = ᾱₜ₋₁ and b = βₜ,
 * ᾱₜ = ā(1−b), x⁽ᵗ⁾ = √ᾱₜ x⁽⁰⁾ + √(1−ᾱₜ) ε, and the derivatives flow through x⁽ᵗ⁾ (including
 * the network's input), the posterior mean μ̃ and variance β̃, f_Σ = σ(z_Σ + logit b) and the
 * mean f_μ. Double precision; the float64 gradient check covers it end to end.
 */
final class ScheduleGradient {

    private ScheduleGradient() {
    }

    /**
     * Writes ∂KL/∂ā into out[0] and ∂KL/∂b into out[1].
     *
     * @param gxNetwork ∂KL/∂x⁽ᵗ⁾ through the network's outputs (z_μ, z_Σ) only, from backprop
     */
    static void partials(ModelSpec.MeanForm form, double x0, double eps, double ap, double b, double zMu, double zSigma,
                         double gxNetwork, double[] out) {
        double a = ap * (1 - b);
        double bigA = 1 - a;
        double sa = Math.sqrt(a);
        double sA = Math.sqrt(bigA);
        double x = sa * x0 + sA * eps;
        double sap = Math.sqrt(ap);
        double s1b = Math.sqrt(1 - b);
        double sb = Math.sqrt(b);
        double c0 = sap * b / bigA;
        double ct = s1b * (1 - ap) / bigA;
        double mut = c0 * x0 + ct * x;
        double bt = b * (1 - ap) / bigA;
        double lb = Math.log(b) - Math.log1p(-b);
        double fs = PaperHead.variance(zSigma, lb);
        double fmu;
        double dfmuDx;
        double dfmuDb;
        double dfmuDfs;
        switch (form) {
            case EQ65 -> {
                fmu = (x - zMu) * (1 - fs) + zMu;
                dfmuDx = 1 - fs;
                dfmuDb = 0;
                dfmuDfs = -(x - zMu);
            }
            case RESIDUAL -> {
                fmu = x + fs * zMu;
                dfmuDx = 1;
                dfmuDb = 0;
                dfmuDfs = zMu;
            }
            default -> {
                fmu = s1b * x + sb * zMu;
                dfmuDx = s1b;
                dfmuDb = -x / (2 * s1b) + zMu / (2 * sb);
                dfmuDfs = 0;
            }
        }
        double r = mut - fmu;
        double dMut = r / fs;
        double dFmu = -r / fs;
        double dBt = 0.5 * (1 / fs - 1 / bt);
        double dFs = 0.5 * (1 / fs - (bt + r * r) / (fs * fs)) + dFmu * dfmuDfs;
        double dfsDb = fs * (1 - fs) / (b * (1 - b));
        double dX = dMut * ct + dFmu * dfmuDx + gxNetwork;

        double dAdAp = -(1 - b);
        double dAdB = ap;
        double a2 = bigA * bigA;
        double dc0dAp = b / (2 * sap * bigA) - sap * b * dAdAp / a2;
        double dc0dB = sap / bigA - sap * b * dAdB / a2;
        double dctdAp = -s1b / bigA - s1b * (1 - ap) * dAdAp / a2;
        double dctdB = -(1 - ap) / (2 * s1b * bigA) - s1b * (1 - ap) * dAdB / a2;
        double dbtdAp = -b / bigA - b * (1 - ap) * dAdAp / a2;
        double dbtdB = (1 - ap) / bigA - b * (1 - ap) * dAdB / a2;
        double dxdA = -x0 / (2 * sa) + eps / (2 * sA);

        out[0] = dMut * (dc0dAp * x0 + dctdAp * x) + dBt * dbtdAp + dX * dxdA * dAdAp;
        out[1] = dMut * (dc0dB * x0 + dctdB * x) + dBt * dbtdB + dFs * dfsDb + dFmu * dfmuDb + dX * dxdA * dAdB;
    }
}
