package lab.diffusion.engine.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A multilayer perceptron: dense layers with one hidden activation and a linear output layer,
 * parameters in a shared {@link ParamBuffer}, hand-written backprop. Matrix products run in
 * ND4J (BLAS); activations run on heap mirrors. Each layer's parameters are one column-major
 * (in+1) × out matrix whose last row is the bias, and every layer input carries a column of
 * ones, so one product per layer adds the bias and one product per layer yields weight and
 * bias gradients together: a training step of a 3-hidden-layer network is 11 ND4J calls.
 * Work buffers are preallocated per batch size.
 */
public final class Mlp {

    private static final int MAX_CACHED_BATCH_SIZES = 4;

    private final int[] sizes;
    private final Activation activation;
    private final ParamBuffer buffer;
    private final int layers;
    private final int[] offset;
    /** Full (in+1) × out parameter matrices (last row: bias). */
    private final INDArray[] w;
    private final INDArray[] gw;
    private final Map<Integer, Work> work = new LinkedHashMap<>(8, 0.75f, true);

    /** Per-batch-size buffers: input, one mirror per layer output, one delta per hidden layer. */
    public final class Work {
        final Mirror input;
        final Mirror[] out;
        final Mirror[] delta;
        final int rows;
        /** ∂loss/∂input (allocated on first use). */
        Mirror inputGrad;

        Work(int rows) {
            this.rows = rows;
            DataType t = buffer.type();
            input = Mirror.allocate(t, rows, sizes[0], Mirror.Extra.ONES);
            out = new Mirror[layers];
            delta = new Mirror[layers];
            for (int l = 0; l < layers; l++) {
                boolean hidden = l < layers - 1;
                out[l] = Mirror.allocate(t, rows, sizes[l + 1], hidden ? Mirror.Extra.ONES : Mirror.Extra.NONE);
                delta[l] = Mirror.allocate(t, rows, sizes[l + 1], hidden ? Mirror.Extra.SCRATCH : Mirror.Extra.NONE);
            }
        }

        /** ∂loss/∂input after {@link Mlp#backward(Work, boolean)} with true (heap side valid; column-major rows × inputs). */
        public Mirror inputGradient() {
            return inputGrad;
        }

        /** Fill this with the batch (heap side), then call {@link Mlp#forward(Work)}. */
        public Mirror input() {
            return input;
        }

        /** The network output after {@link Mlp#forward(Work)}; native and heap both valid. */
        public Mirror output() {
            return out[layers - 1];
        }

        /** The last hidden layer's activations after a forward pass (native valid, with a ones column). */
        public Mirror lastHidden() {
            return out[layers - 2];
        }

        /** Fill this with ∂loss/∂output (heap side), then call {@link Mlp#backward(Work)}. */
        public Mirror outputGradient() {
            return delta[layers - 1];
        }

        public int rows() {
            return rows;
        }
    }

    /**
     * @param sizes layer widths from input to output, e.g. {2, 128, 128, 128, 40}
     */
    public Mlp(int[] sizes, Activation activation, ParamBuffer buffer) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        }
        this.sizes = sizes.clone();
        this.activation = activation;
        this.buffer = buffer;
        this.layers = sizes.length - 1;
        offset = new int[layers];
        w = new INDArray[layers];
        gw = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            offset[l] = buffer.reserve((in + 1) * out);
            w[l] = buffer.paramView(offset[l], in + 1, out);
            gw[l] = buffer.gradView(offset[l], in + 1, out);
        }
    }

    /** Number of parameters for these layer sizes. */
    public static int parameterCount(int[] sizes) {
        int n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            n += sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return n;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[layers];
    }

    /** Index in the parameter buffer of layer l's weight from input i to output j. */
    public int weightIndex(int l, int i, int j) {
        return offset[l] + j * (sizes[l] + 1) + i;
    }

    /** Index in the parameter buffer of layer l's bias of output j. */
    public int biasIndex(int l, int j) {
        return offset[l] + j * (sizes[l] + 1) + sizes[l];
    }

    public int layerCount() {
        return layers;
    }

    /**
     * Glorot-uniform weights and zero biases written into the buffer's master copy; the output
     * layer is scaled by {@code outputScale} (0 gives a zero-initialized readout).
     */
    public void initialize(RandomGenerator rng, double outputScale) {
        double[] m = buffer.master();
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double limit = Math.sqrt(6.0 / (in + out)) * (l == layers - 1 ? outputScale : 1.0);
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    m[weightIndex(l, i, j)] = limit == 0 ? 0.0 : (2.0 * rng.nextDouble() - 1.0) * limit;
                }
                m[biasIndex(l, j)] = 0.0;
            }
        }
    }

    /** Buffers for batches of exactly {@code rows} rows (cached; a few sizes are kept). */
    public Work work(int rows) {
        Work wk = work.get(rows);
        if (wk == null) {
            if (work.size() >= MAX_CACHED_BATCH_SIZES) {
                Integer eldest = work.keySet().iterator().next();
                work.remove(eldest);
            }
            wk = new Work(rows);
            work.put(rows, wk);
        }
        return wk;
    }

    /** Forward pass of the batch in {@code wk.input()} (heap side is uploaded first). */
    public void forward(Work wk) {
        wk.input.upload();
        forwardUploaded(wk);
    }

    /** Forward pass when the native side of the input is already filled. */
    public void forwardUploaded(Work wk) {
        INDArray prev = wk.input.withExtra();
        for (int l = 0; l < layers; l++) {
            Mirror o = wk.out[l];
            Gemm.multiply(prev, w[l], o.array(), false, false);
            o.download();
            if (l < layers - 1) {
                o.activate(activation);
                o.upload();
            }
            prev = o.withExtra();
        }
    }

    /** Forward through the hidden layers only; the result is {@code wk.lastHidden()} (native valid). */
    public void forwardHidden(Work wk) {
        wk.input.upload();
        INDArray prev = wk.input.withExtra();
        for (int l = 0; l < layers - 1; l++) {
            Mirror o = wk.out[l];
            Gemm.multiply(prev, w[l], o.array(), false, false);
            o.download();
            o.activate(activation);
            o.upload();
            prev = o.withExtra();
        }
    }

    /**
     * Backward pass: reads ∂loss/∂output from the heap side of {@code wk.outputGradient()} and
     * overwrites this network's slice of the gradient buffer. Needs the forward pass of the same batch.
     */
    public void backward(Work wk) {
        backward(wk, false);
    }

    /** As {@link #backward(Work)}; with {@code inputGradient} also ∂loss/∂input into {@link Work#inputGradient()}. */
    public void backward(Work wk, boolean inputGradient) {
        Mirror d = wk.delta[layers - 1];
        d.upload();
        for (int l = layers - 1; l >= 0; l--) {
            INDArray in = l == 0 ? wk.input.withExtra() : wk.out[l - 1].withExtra();
            Gemm.multiply(in, d.array(), gw[l], true, false);
            if (l > 0) {
                Mirror below = wk.delta[l - 1];
                Gemm.multiply(d.array(), w[l], below.withExtra(), false, true);
                below.download();
                below.multiplyActivationGradient(activation, wk.out[l - 1]);
                below.upload();
                d = below;
            }
        }
        if (inputGradient) {
            if (wk.inputGrad == null) {
                wk.inputGrad = Mirror.allocate(buffer.type(), wk.rows, sizes[0], Mirror.Extra.SCRATCH);
            }
            Gemm.multiply(d.array(), w[0], wk.inputGrad.withExtra(), false, true);
            wk.inputGrad.download();
        }
    }
}
