package lab.diffusion.engine.model;

/**
 * The per-coordinate head of the paper's model: from the readout outputs (z_μ, z_Σ) to the
 * reverse mean and variance (eq. 64 and the code or eq. 65 mean) and the KL to the posterior
 * with its gradient. Double precision; shared by training, inference and the gradient checks.
 */
public final class PaperHead {

    private PaperHead() {
    }

    /** σ(z_Σ + logit βₜ), eq. 64. */
    public static double variance(double zSigma, double logitBeta) {
        double a = zSigma + logitBeta;
        return a >= 0 ? 1.0 / (1.0 + Math.exp(-a)) : Math.exp(a) / (1.0 + Math.exp(a));
    }

    /** f_μ in the chosen form. */
    public static double mean(ModelSpec.MeanForm form, double x, double zMu, double variance, double sqrtBeta, double sqrtOneMinusBeta) {
        return switch (form) {
            case EQ65 -> x * (1.0 - variance) + zMu * variance;
            case RESIDUAL -> x + zMu * variance;
            case CODE -> sqrtOneMinusBeta * x + sqrtBeta * zMu;
        };
    }

    /**
     * KL(q(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾,x⁽⁰⁾) ‖ p(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾)) for one coordinate, in nats, and its gradient with
     * respect to (z_μ, z_Σ) in {@code grad[0]}, {@code grad[1]} (if grad is not null).
     */
    public static double kl(ModelSpec.MeanForm form, double x, double muTilde, double postVar, double logPostVar,
                            double sqrtBeta, double sqrtOneMinusBeta, double logitBeta,
                            double zMu, double zSigma, double[] grad) {
        double a = zSigma + logitBeta;
        double fs;
        double logFs;
        double expNegA;
        if (a >= 0) {
            double e = Math.exp(-a);
            fs = 1.0 / (1.0 + e);
            logFs = -Math.log1p(e);
            expNegA = e;
        } else {
            double e = Math.exp(a);
            fs = e / (1.0 + e);
            logFs = a - Math.log1p(e);
            expNegA = 1.0 / e;
        }
        double invFs = 1.0 + expNegA;
        double fmu;
        double dMuDzMu;
        double dMuDa;
        if (form == ModelSpec.MeanForm.EQ65) {
            fmu = x * (1.0 - fs) + zMu * fs;
            dMuDzMu = fs;
            dMuDa = (zMu - x) * fs * (1.0 - fs);
        } else if (form == ModelSpec.MeanForm.RESIDUAL) {
            fmu = x + zMu * fs;
            dMuDzMu = fs;
            dMuDa = zMu * fs * (1.0 - fs);
        } else {
            fmu = sqrtOneMinusBeta * x + sqrtBeta * zMu;
            dMuDzMu = sqrtBeta;
            dMuDa = 0.0;
        }
        double diff = muTilde - fmu;
        double q = postVar + diff * diff;
        double kl = 0.5 * (logFs - logPostVar + q * invFs - 1.0);
        if (grad != null) {
            double dKlDmu = -diff * invFs;
            grad[0] = dKlDmu * dMuDzMu;
            grad[1] = 0.5 * ((1.0 - fs) - q * expNegA) + dKlDmu * dMuDa;
        }
        return kl;
    }
}
