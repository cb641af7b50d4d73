package lab.diffusion.engine.live;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.live.LiveResults.ConditionKind;
import lab.diffusion.engine.metrics.SlicedWasserstein;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.sample.BinarySampler;
import lab.diffusion.engine.sample.Conditioning;
import lab.diffusion.engine.sample.DriftField;
import lab.diffusion.engine.sample.IdealDrift;
import lab.diffusion.engine.sample.Sampler;
import lab.diffusion.engine.sample.Trajectory;

/**
 * The display requests of a live session, newest wins: the reverse samples, the drift field at
 * the timeline's t, a followed point and an inpainting or denoising run. Requests may be made
 * from any thread and replace older ones that were not served yet; {@link #pump} serves them on
 * the engine thread between training chunks.
 */
final class DisplayPump {

    /**
     * Asks for the drift field at t over the given data-unit bounds: {@code grid} points along the
     * shorter side and as many along the longer one as keep the cells square (at most 4 × grid).
     */
    record DriftRequest(int t, double xMin, double xMax, double yMin, double yMax, int grid) {

        int nx() {
            return along(xMax - xMin, yMax - yMin);
        }

        int ny() {
            return along(yMax - yMin, xMax - xMin);
        }

        private int along(double span, double other) {
            if (!(span > other) || !(other > 0)) {
                return grid;
            }
            return (int) Math.min(4L * grid, Math.round((grid - 1) * span / other) + 1);
        }
    }

    /** Asks for a reverse path from where the forward path (data units, t = 0..T) ends. */
    record FollowRequest(int index, float[] forwardPath) {
    }

    private final LiveChannels out;
    private final AtomicReference<DriftRequest> driftRequest = new AtomicReference<>();
    private final AtomicReference<FollowRequest> followRequest = new AtomicReference<>();
    private final AtomicReference<ConditionRequest> conditionRequest = new AtomicReference<>();
    private final AtomicBoolean reverseWanted = new AtomicBoolean();
    private volatile int samples = -1;
    private volatile long sampleSeed;
    private volatile long samplesGeneration = -1;

    // engine thread only
    private long version;
    private DriftRequest lastDrift;
    private long lastDriftVersion = -1;
    private float[][] lastReverseStates;

    DisplayPump(LiveChannels out) {
        this.out = out;
    }

    // ------------------------------------------------------------------ requests (any thread)

    void wantReverse() {
        reverseWanted.set(true);
    }

    /** Number and seed of the display samples of model generation {@code generation} (ignored for other models). */
    void setSampling(long generation, int n, long seed) {
        samplesGeneration = generation;
        samples = n;
        sampleSeed = seed;
        reverseWanted.set(true);
    }

    void requestDrift(DriftRequest r) {
        driftRequest.set(r);
    }

    void requestFollow(FollowRequest r) {
        followRequest.set(r);
    }

    void requestCondition(ConditionRequest r) {
        conditionRequest.set(r);
    }

    // ------------------------------------------------------------------ engine thread

    /** A new model: everything shown must be computed again, with the setup's sample count. */
    void newModel(LiveModel m) {
        lastReverseStates = null;
        if (samplesGeneration != m.generation()) {
            samples = m.setup().samples();
            sampleSeed = m.setup().sampleSeed();
            samplesGeneration = m.generation();
        }
        modelChanged();
    }

    /** The model's weights changed: displays that depend on them are stale. */
    void modelChanged() {
        version++;
        reverseWanted.set(true);
        lastDriftVersion = -1;
    }

    /**
     * Serves what a person asked for (a followed point, a new t, an inpainting run). With
     * {@code refresh} it also recomputes displays that only went stale because the model changed.
     */
    void pump(LiveModel m, boolean refresh) {
        if (m == null) {
            return;
        }
        try {
            FollowRequest f = followRequest.getAndSet(null);
            if (f != null) {
                computeFollow(m, f);
            }
            ConditionRequest c = conditionRequest.getAndSet(null);
            if (c != null) {
                computeCondition(m, c);
            }
            if (refresh && reverseWanted.getAndSet(false)) {
                computeReverse(m);
            }
            DriftRequest d = driftRequest.get();
            if (d != null && (!d.equals(lastDrift) || (refresh && lastDriftVersion != version))) {
                computeDrift(m, d);
                lastDrift = d;
                lastDriftVersion = version;
            }
        } catch (RuntimeException e) {
            out.errors.publish("Display update failed: " + e.getMessage());
        }
    }

    private void computeReverse(LiveModel m) {
        int n = DisplayUnits.maxSamples(samplesGeneration == m.generation() ? samples : m.setup().samples(), m.model().dim(),
                m.setup().schedule().steps());
        long seed = sampleSeed;
        boolean binary = m.model() instanceof BinaryReverseModel;
        Trajectory tr = m.model() instanceof BinaryReverseModel b ? BinarySampler.sample(b, n, seed, true)
                : Sampler.sample((ReverseModel) m.model(), n, seed, true);
        if (!tr.samplesInRange()) {
            out.errors.publish("Cannot show this model: " + Trajectory.NON_FINITE + ".");
        }
        float[][] states = DisplayUnits.states(tr, m.setup().data(), binary);
        lastReverseStates = binary ? states : null;
        lastDriftVersion = -1;
        out.reverse.publish(new LiveResults.Reverse(m.generation(), states, n, m.step()));
        if (binary || m.setup().data().isImages()) {
            return;
        }
        PointSet held = m.setup().data().heldout();
        int k = Math.min(n, held.size());
        if (k >= 2) {
            PointSet gen = PointSet.wrap(Arrays.copyOf(tr.samples(), 2 * k), 2);
            out.quality.publish(new LiveResults.Quality(m.generation(), SlicedWasserstein.distance(gen, held.head(k)), m.step()));
        }
    }

    private void computeCondition(LiveModel m, ConditionRequest c) {
        if (!m.setup().data().isImages() || !(m.model() instanceof ReverseModel gaussian) || c.grey().length != gaussian.dim()) {
            return; // the data changed since the request
        }
        Standardizer st = m.setup().data().standardizer();
        float[] x = ImageData.toModel(c.grey(), st);
        long t0 = System.nanoTime();
        Trajectory tr;
        if (c.kind() == ConditionKind.INPAINT) {
            tr = Conditioning.inpaint(gaussian, x, c.hole(), c.samples(), c.seed(), true);
        } else {
            SplittableRandom rng = new SplittableRandom(c.seed() ^ 0x6E6F697365L);
            double sd = Math.sqrt(1.0 / c.snr());
            for (int i = 0; i < x.length; i++) {
                x[i] += (float) (sd * rng.nextGaussian());
            }
            tr = Conditioning.denoise(gaussian, x, 1.0 / c.snr(), c.samples(), c.seed(), true);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        float[][] states = DisplayUnits.states(tr, m.setup().data(), false);
        float[] observed = c.kind() == ConditionKind.DENOISE ? ImageData.toGrey(x, st) : c.grey().clone();
        out.conditioned.publish(new LiveResults.Conditioned(m.generation(), c.id(), c.kind(), states, c.samples(), observed,
                c.hole(), secs, m.step()));
    }

    private void computeDrift(LiveModel m, DriftRequest d) {
        int steps = m.setup().schedule().steps();
        int t = Math.max(1, Math.min(steps, d.t()));
        if (m.model() instanceof BinaryReverseModel b) {
            float[][] states = lastReverseStates;
            if (states == null || states.length != steps + 1) {
                return; // the probabilities are of the reverse samples, which come first
            }
            float[] x = states[t];
            int n = x.length / b.dim();
            float[] prob = new float[x.length];
            Nd4jRuntime.run(() -> b.reverse(x, n, t, prob));
            out.probabilities.publish(new LiveResults.Probabilities(m.generation(), t, prob, n, b.dim(), m.step()));
            return;
        }
        ReverseModel model = (ReverseModel) m.model();
        if (model.dim() != 2) {
            return; // the drift field is drawn for 2D points only
        }
        Standardizer st = m.setup().data().standardizer();
        float[] lo = DisplayUnits.toModel(st, d.xMin(), d.yMin());
        float[] hi = DisplayUnits.toModel(st, d.xMax(), d.yMax());
        DriftField mf = DriftField.compute(model, t, lo[0], hi[0], lo[1], hi[1], d.nx(), d.ny());
        DriftField field = DisplayUnits.fieldToData(mf, st, d.xMin(), d.xMax(), d.yMin(), d.yMax());
        float[] idx = null;
        float[] idy = null;
        PointSet ideal = m.setup().idealReference();
        if (ideal != null && t >= 2) {
            int n = d.nx() * d.ny();
            float[] grid = new float[2 * n];
            for (int k = 0; k < n; k++) {
                grid[2 * k] = mf.x()[k];
                grid[2 * k + 1] = mf.y()[k];
            }
            float[] drift = IdealDrift.at(ideal, m.setup().schedule(), t, grid);
            idx = new float[n];
            idy = new float[n];
            double s = st.scale();
            for (int k = 0; k < n; k++) {
                idx[k] = (float) (drift[2 * k] * s);
                idy[k] = (float) (drift[2 * k + 1] * s);
            }
        }
        out.drift.publish(new LiveResults.Drift(m.generation(), field, idx, idy, DisplayUnits.arrowScale(field), m.step()));
    }

    private void computeFollow(LiveModel m, FollowRequest f) {
        if (!(m.model() instanceof ReverseModel gaussian) || gaussian.dim() != 2) {
            return;
        }
        int steps = m.setup().schedule().steps();
        if (f.forwardPath().length != 2 * (steps + 1)) {
            return; // the schedule changed since the click
        }
        Standardizer st = m.setup().data().standardizer();
        float[] start = DisplayUnits.toModel(st, f.forwardPath()[2 * steps], f.forwardPath()[2 * steps + 1]);
        Trajectory tr = Sampler.sampleFrom(gaussian, start, 1000L + f.index(), true);
        float[] path = new float[2 * (steps + 1)];
        for (int t = 0; t <= steps; t++) {
            float[] p = tr.state(t);
            path[2 * t] = p[0];
            path[2 * t + 1] = p[1];
        }
        out.follow.publish(new LiveResults.Follow(m.generation(), f.index(), f.forwardPath(), DisplayUnits.pathToData(st, path)));
    }
}
