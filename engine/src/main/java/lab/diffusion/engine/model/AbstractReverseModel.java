package lab.diffusion.engine.model;

import lab.diffusion.engine.nn.Mlp;
import lab.diffusion.engine.nn.ParamBuffer;
import lab.diffusion.engine.schedule.Schedule;
import org.nd4j.linalg.api.buffer.DataType;

/** What both Gaussian reverse models share: schedule tables, the MLP, chunked inference. */
abstract class AbstractReverseModel implements ReverseModel {

    /** Most rows per inference chunk; a call uses chunks of its own size rounded up to 32 (padded). */
    static final int CHUNK = 2048;

    /** Chunk rows for a call with n rows: one buffer size per call size, little padding. */
    static int chunkRows(int n) {
        return Math.min(CHUNK, Math.max(32, (n + 31) / 32 * 32));
    }

    protected final ModelSpec spec;
    /** The schedule in use (changes while a learned schedule trains). */
    protected Schedule schedule;
    protected GaussianTables tab;
    protected final ParamBuffer params;
    protected final Mlp mlp;
    protected final int dim;
    protected final int steps;

    /** Training scratch, reallocated when the batch size changes. */
    protected double[] xt = new double[0];
    protected double[] mu = new double[0];
    protected double[] inD = new double[0];
    protected double[] outD = new double[0];
    protected double[] gradD = new double[0];
    /** Inference scratch (column-major CHUNK × D). */
    protected final double[] chunkX;

    AbstractReverseModel(ModelSpec spec, Schedule schedule, DataType type, int[] sizes) {
        this(spec, schedule, type, sizes, 0);
    }

    /** With {@code extra} parameters after the network's (reserved by the subclass, in order). */
    AbstractReverseModel(ModelSpec spec, Schedule schedule, DataType type, int[] sizes, int extra) {
        this.spec = spec;
        this.schedule = schedule;
        this.tab = new GaussianTables(schedule);
        this.dim = spec.dim();
        this.steps = schedule.steps();
        this.params = new ParamBuffer(type, Mlp.parameterCount(sizes) + extra);
        this.mlp = new Mlp(sizes, spec.activation(), params);
        this.chunkX = new double[CHUNK * dim];
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    /** Switches to another schedule of the same T (a learned schedule after a step). */
    protected void useSchedule(Schedule s) {
        if (s.steps() != steps) {
            throw new IllegalArgumentException("the schedule must keep T = " + steps);
        }
        schedule = s;
        tab = new GaussianTables(s);
    }

    @Override
    public ParamBuffer parameters() {
        return params;
    }

    /** The network, for tests and inspection. */
    public Mlp network() {
        return mlp;
    }

    protected void ensureTrainingScratch(int batch, int outputs) {
        if (xt.length != batch * dim) {
            xt = new double[batch * dim];
            mu = new double[batch * dim];
        }
        if (inD.length != batch * mlp.inputSize()) {
            inD = new double[batch * mlp.inputSize()];
        }
        if (outD.length != batch * outputs) {
            outD = new double[batch * outputs];
            gradD = new double[batch * outputs];
        }
    }

    /**
     * Fills x⁽ᵗ⁾ (column-major, into {@code xt} and the first D input columns) and the posterior
     * mean μ̃ (into {@code mu}, t ≥ 2 rows only) for the batch.
     */
    protected void forwardSample(TrainingBatch batch, double[] input, int inputRows) {
        int bsz = batch.size;
        for (int b = 0; b < bsz; b++) {
            int t = batch.t[b];
            double a = tab.sqrtAlphaBar[t];
            double s = tab.sqrtOneMinusAlphaBar[t];
            double c0 = tab.postX0[t];
            double ct = tab.postXt[t];
            for (int d = 0; d < dim; d++) {
                double x0 = batch.x0[b * dim + d];
                double x = a * x0 + s * batch.eps[b * dim + d];
                xt[d * bsz + b] = x;
                mu[d * bsz + b] = c0 * x0 + ct * x;
                input[d * inputRows + b] = x;
            }
        }
    }

    @Override
    public final void reverse(float[] x, int n, int t, float[] mean, float[] var) {
        if (t < 1 || t > steps) {
            throw new IllegalArgumentException("t must be in 1.." + steps + ", got " + t);
        }
        if (t == 1) {
            double a = tab.sqrtOneMinusBeta[1];
            float v = (float) tab.beta[1];
            for (int i = 0; i < n * dim; i++) {
                mean[i] = (float) (a * x[i]);
                var[i] = v;
            }
            return;
        }
        beginReverse(t);
        int chunk = chunkRows(n);
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            for (int r = 0; r < rows; r++) {
                for (int d = 0; d < dim; d++) {
                    chunkX[d * chunk + r] = x[(start + r) * dim + d];
                }
            }
            for (int r = rows; r < chunk; r++) {
                for (int d = 0; d < dim; d++) {
                    chunkX[d * chunk + r] = 0.0;
                }
            }
            reverseChunk(t, rows, chunk, start, mean, var);
        }
    }

    /** Called once per {@link #reverse} call with t ≥ 2, before its chunks. */
    protected void beginReverse(int t) {
    }

    /**
     * Computes rows [0, rows) of one chunk whose inputs are in {@code chunkX} (column-major,
     * {@code chunk} rows) and writes mean and variance into the row-major outputs at point {@code start}.
     */
    protected abstract void reverseChunk(int t, int rows, int chunk, int start, float[] mean, float[] var);
}
