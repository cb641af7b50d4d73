package lab.diffusion.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.PointCsv;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.metrics.Mmd;
import lab.diffusion.engine.metrics.SlicedWasserstein;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.objective.BoundReport;
import lab.diffusion.engine.objective.Bounds;
import lab.diffusion.engine.sample.ImportanceSampling;
import lab.diffusion.engine.sample.Sampler;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Held-out bound K of a session, and sample quality against a reference set.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, description = "Session file (.dlab) or the name of a bundled demo.")
    String session;

    @Option(names = "--heldout", description = "Held-out points to evaluate K on (at most those stored). Default: 20000, "
            + "fewer when T is large (at most 20 million points × steps, at least 200 points; the standard error is shown)")
    Integer heldout;

    @Option(names = "--reference", description = "CSV of reference points (data units) for SW2 and MMD².")
    String reference;

    @Option(names = "--samples", defaultValue = "5000", description = "Model samples compared with the reference. Default: ${DEFAULT-VALUE}")
    int samples;

    @Option(names = "--seed", defaultValue = "7", description = "Seed for the evaluation noise and samples. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--inpaint", description = "Image sessions: also inpaint held-out images with this mask (left: the left half; "
            + "centre: a centred square of half the side) and compare the mean of the samples with the training mean image on the hole.")
    String inpaint;

    @Option(names = "--images", defaultValue = "100", description = "Held-out images for --inpaint (spread evenly over the held-out set). Default: ${DEFAULT-VALUE}")
    int images;

    @Option(names = "--inpaint-samples", defaultValue = "8", description = "Posterior samples per image for --inpaint. Default: ${DEFAULT-VALUE}")
    int inpaintSamples;

    @Option(names = "--is-samples", description = "Also estimate log p of the held-out points by importance sampling over N forward "
            + "trajectories each (paper §2.3); Gaussian models.")
    Integer isSamples;

    @Option(names = "--is-points", defaultValue = "2000", description = "Held-out points for --is-samples. Default: ${DEFAULT-VALUE}")
    int isPoints;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** The swiss roll's true log-likelihood in model units (paper-math §4), bits per sample. */
    static final double SWISSROLL_LOGLIK_BITS = Preset.SWISSROLL_LOGLIK_BITS;

    @Override
    public Integer call() throws Exception {
        if (heldout != null && heldout < 1) {
            throw new UserError("--heldout must be at least 1");
        }
        if (samples < 2 || samples > 100_000) {
            throw new UserError("--samples must be between 2 and 100000");
        }
        Session s = Demos.open(session);
        PointSet ref = null;
        if (reference != null) {
            PointSet raw = PointCsv.read(Path.of(reference), s.model().dim(), PointCsv.MAX_POINTS,
                    note -> System.err.println("note: " + note));
            if (raw.size() < 2) {
                throw new UserError("the reference needs at least 2 points");
            }
            ref = s.data().standardizer().apply(raw.head(samples));
        }
        boolean binary = s.model().kind() == ModelSpec.Kind.BINOMIAL;
        if (binary && ref != null) {
            throw new UserError("--reference compares 2D samples; it does not apply to a binomial session");
        }
        Nd4jRuntime.configure();
        TrainableModel model = Sessions.model(s);
        int steps = model.schedule().steps();
        PointSet stored = s.data().heldout().head(heldout == null ? 20_000 : heldout);
        PointSet held = heldout == null ? Bounds.withinBudget(stored, steps) : stored;
        BoundReport k = FinalBound.evaluate(model, held, seed, json ? null : System.err);
        if (!Double.isFinite(k.kBits())) {
            throw new UserError("held-out K is " + k.kBits() + ": the model's numbers overflow (its weights are out of range;"
                    + " a diverged or damaged model)");
        }
        double optimum = binary ? -BinaryData.empiricalEntropyBits(s.data().train()) : Double.NaN;
        Json j = new Json().put("K_bits", k.kBits()).put("K_minus_Lnull_bits", k.kMinusLnullBits())
                .put("Lnull_bits", k.lnullBits()).put("heldout_points", k.samples())
                .put("K_standard_error_bits", k.standardErrorBits())
                .put("steps_trained", s.training().steps());
        if (binary) {
            j.put("optimum_bits", optimum);
        }
        if (s.data().isImages()) {
            ImageBits.put(j, k, s.data().standardizer());
        }
        double sw2 = Double.NaN;
        double mmd2 = Double.NaN;
        if (ref != null) {
            int n = ref.size();
            PointSet gen = PointSet.wrap(Sampler.sample((ReverseModel) model, n, seed, false).samples(), model.dim());
            if (model.dim() == 2) {
                sw2 = SlicedWasserstein.distance(gen, ref);
            }
            mmd2 = Mmd.unbiasedSquared(gen, ref, Mmd.DEFAULT_BANDWIDTH);
            j.put("sw2", sw2).put("mmd2", mmd2).put("compared_points", n);
        }
        ImportanceSampling.Result is = null;
        if (isSamples != null) {
            if (isSamples < 1 || isSamples > 10_000 || isPoints < 1) {
                throw new UserError("--is-samples must be between 1 and 10000 and --is-points positive");
            }
            if (!(model instanceof ReverseModel rm)) {
                throw new UserError("--is-samples applies to Gaussian models (paper, ddpm), not the binomial model");
            }
            long t0 = System.nanoTime();
            is = ImportanceSampling.estimate(rm, s.data().heldout().head(isPoints), isSamples, seed + 5);
            j.put("logp_is_bits", is.logpBits()).put("logp_is_stderr_bits", is.stdErrBits()).put("logp_is_samples", isSamples)
                    .put("logp_is_points", is.points()).put("logp_is_jensen_bits", is.jensenBits())
                    .put("logp_is_seconds", (System.nanoTime() - t0) / 1e9);
            if ("swissroll".equals(s.data().source())) {
                j.put("true_loglik_bits", SWISSROLL_LOGLIK_BITS);
            }
        }
        InpaintScore score = null;
        if (inpaint != null) {
            if (!s.data().isImages()) {
                throw new UserError("--inpaint needs an image session");
            }
            score = InpaintScore.measure((ReverseModel) model, s.data(), inpaint, images, inpaintSamples, seed);
            j.put("inpaint_mask", inpaint).put("inpaint_images", score.images()).put("inpaint_samples", inpaintSamples)
                    .put("hole_mse_model_mean", score.modelMse()).put("hole_mse_training_mean", score.trainingMeanMse())
                    .put("inpaint_seconds_per_image", score.secondsPerImage());
        }
        if (json) {
            System.out.println(j);
        } else {
            System.out.printf("held-out K = %.4f bits/%s   K − L_null = %.4f bits   L_null = %.4f bits   (%d held-out, %d steps trained)%n",
                    k.kBits(), binary ? "sequence" : s.data().isImages() ? "image" : "sample", k.kMinusLnullBits(), k.lnullBits(), k.samples(), s.training().steps());
            String fewer = FinalBound.note(k, stored.size(), steps);
            if (fewer != null) {
                System.out.println(fewer);
            }
            if (binary) {
                System.out.printf("optimum (entropy of the training sequences) = %.4f bits/sequence%n", optimum);
            }
            if (s.data().isImages()) {
                System.out.println(ImageBits.describe(k, s.data().standardizer()));
            }
            if (score != null) {
                System.out.println(score.describe());
            }
            if (is != null) {
                System.out.printf("importance-sampled log p = %.4f ± %.4f bits/sample (%d samples × %d points; E[log w] = %.4f, the bound)%s%n",
                        is.logpBits(), is.stdErrBits(), is.samples(), is.points(), is.jensenBits(),
                        "swissroll".equals(s.data().source()) ? String.format("; true log-likelihood %.3f", SWISSROLL_LOGLIK_BITS) : "");
            }
            if (ref != null) {
                System.out.printf("against %d reference points (standardized units): SW2 = %.5f   MMD² (RBF h = 0.1) = %.6f%n",
                        ref.size(), sw2, mmd2);
            }
        }
        return 0;
    }
}
