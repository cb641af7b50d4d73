package lab.diffusion.engine.model;

import lab.diffusion.engine.schedule.Schedule;

/** Per-step constants of the Gaussian process and its posterior, in double precision, indexed by t. */
public final class GaussianTables {

    public final int steps;
    public final double[] beta;
    public final double[] sqrtBeta;
    public final double[] sqrtOneMinusBeta;
    public final double[] logitBeta;
    public final double[] sqrtAlphaBar;
    public final double[] sqrtOneMinusAlphaBar;
    /** β̃ₜ (t ≥ 2). */
    public final double[] postVar;
    public final double[] logPostVar;
    /** μ̃ₜ = postX0·x⁽⁰⁾ + postXt·x⁽ᵗ⁾. */
    public final double[] postX0;
    public final double[] postXt;

    public GaussianTables(Schedule s) {
        steps = s.steps();
        int n = steps + 1;
        beta = new double[n];
        sqrtBeta = new double[n];
        sqrtOneMinusBeta = new double[n];
        logitBeta = new double[n];
        sqrtAlphaBar = new double[n];
        sqrtOneMinusAlphaBar = new double[n];
        postVar = new double[n];
        logPostVar = new double[n];
        postX0 = new double[n];
        postXt = new double[n];
        sqrtAlphaBar[0] = 1.0;
        for (int t = 1; t <= steps; t++) {
            double b = s.beta(t);
            beta[t] = b;
            sqrtBeta[t] = Math.sqrt(b);
            sqrtOneMinusBeta[t] = Math.sqrt(1.0 - b);
            double bc = Math.min(b, 1.0 - 1e-12);
            logitBeta[t] = Math.log(bc) - Math.log1p(-bc);
            sqrtAlphaBar[t] = Math.sqrt(s.alphaBar(t));
            sqrtOneMinusAlphaBar[t] = Math.sqrt(s.oneMinusAlphaBar(t));
            if (t >= 2) {
                postVar[t] = s.posteriorVariance(t);
                logPostVar[t] = Math.log(postVar[t]);
                postX0[t] = s.posteriorCoefX0(t);
                postXt[t] = s.posteriorCoefXt(t);
            }
        }
    }

    /**
     * H_q(X⁽ᵀ⁾|X⁽⁰⁾) − H_q(X⁽¹⁾|X⁽⁰⁾) − H_p(X⁽ᵀ⁾) for D dimensions, nats:
     * (D/2)·[ln(1−ᾱ_T) − ln β₁ − ln(2πe)].
     */
    public static double entropyTerms(Schedule s, int dim) {
        return 0.5 * dim * (Math.log(s.oneMinusAlphaBar(s.steps())) - Math.log(s.beta(1)) - Math.log(2 * Math.PI * Math.E));
    }

    /** L_null: log-likelihood of unit-variance data under N(0, I), −(D/2)·ln(2πe), nats. */
    public static double nullLogLikelihood(int dim) {
        return -0.5 * dim * Math.log(2 * Math.PI * Math.E);
    }

    /** KL(N(μq, vq) ‖ N(μp, vp)) for one coordinate, nats. */
    public static double kl(double muQ, double varQ, double logVarQ, double muP, double varP, double logVarP) {
        double d = muQ - muP;
        return 0.5 * (logVarP - logVarQ + (varQ + d * d) / varP - 1.0);
    }
}
