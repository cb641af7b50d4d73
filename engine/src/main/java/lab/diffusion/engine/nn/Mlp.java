package lab.diffusion.engine.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multilayer perceptron: dense layers with one hidden activation and a linear output layer,
 * parameters in a shared {@link ParamBuffer}, hand-written backprop. Matrix products run in
 * ND4J (BLAS); biases are added by ND4J; activations run on heap mirrors. Work buffers are
 * preallocated per batch size, so a step allocates nothing.
 */
public final class Mlp {

    private static final int MAX_CACHED_BATCH_SIZES = 4;

    private final int[] sizes;
    private final Activation activation;
    private final ParamBuffer buffer;
    private final int layers;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] gw;
    private final INDArray[] gb;
    private final Map<Integer, Work> work = new LinkedHashMap<>(8, 0.75f, true);

    /** Per-batch-size buffers: input, one mirror per layer output, one delta per hidden layer. */
    public final class Work {
        final Mirror input;
        final Mirror[] out;
        final Mirror[] delta;
        final int rows;

        Work(int rows) {
            this.rows = rows;
            DataType t = buffer.type();
            input = Mirror.allocate(t, rows, sizes[0]);
            out = new Mirror[layers];
            delta = new Mirror[layers];
            for (int l = 0; l < layers; l++) {
                out[l] = Mirror.allocate(t, rows, sizes[l + 1]);
                if (l < layers - 1) {
                    delta[l] = Mirror.allocate(t, rows, sizes[l + 1]);
                }
            }
            delta[layers - 1] = Mirror.allocate(t, rows, sizes[layers]);
        }

        /** Fill this with the batch (heap side), then call {@link Mlp#forward(Work)}. */
        public Mirror input() {
            return input;
        }

        /** The network output after {@link Mlp#forward(Work)}; native and heap both valid. */
        public Mirror output() {
            return out[layers - 1];
        }

        /** The last hidden layer's activations after a forward pass (native valid). */
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
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        w = new INDArray[layers];
        b = new INDArray[layers];
        gw = new INDArray[layers];
        gb = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            weightOffset[l] = buffer.reserve(in * out);
            biasOffset[l] = buffer.reserve(out);
            w[l] = buffer.paramView(weightOffset[l], in, out);
            b[l] = buffer.paramView(biasOffset[l], 1, out);
            gw[l] = buffer.gradView(weightOffset[l], in, out);
            gb[l] = buffer.gradView(biasOffset[l], 1, out);
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

    /** Offset of layer l's weights (column-major in × out) in the parameter buffer. */
    public int weightOffset(int l) {
        return weightOffset[l];
    }

    /** Offset of layer l's bias in the parameter buffer. */
    public int biasOffset(int l) {
        return biasOffset[l];
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
            for (int i = 0; i < in * out; i++) {
                m[weightOffset[l] + i] = limit == 0 ? 0.0 : (2.0 * rng.nextDouble() - 1.0) * limit;
            }
            Arrays.fill(m, biasOffset[l], biasOffset[l] + out, 0.0);
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
        INDArray prev = wk.input.array();
        for (int l = 0; l < layers; l++) {
            Mirror o = wk.out[l];
            Nd4j.gemm(prev, w[l], o.array(), false, false, 1.0, 0.0);
            o.array().addiRowVector(b[l]);
            o.download();
            if (l < layers - 1) {
                o.activate(activation);
                o.upload();
            }
            prev = o.array();
        }
    }

    /** Forward through the hidden layers only; the result is {@code wk.lastHidden()} (native valid). */
    public void forwardHidden(Work wk) {
        wk.input.upload();
        INDArray prev = wk.input.array();
        for (int l = 0; l < layers - 1; l++) {
            Mirror o = wk.out[l];
            Nd4j.gemm(prev, w[l], o.array(), false, false, 1.0, 0.0);
            o.array().addiRowVector(b[l]);
            o.download();
            o.activate(activation);
            o.upload();
            prev = o.array();
        }
    }

    /**
     * Backward pass: reads ∂loss/∂output from the heap side of {@code wk.outputGradient()} and
     * overwrites this network's slice of the gradient buffer. Needs the forward pass of the same batch.
     */
    public void backward(Work wk) {
        Mirror d = wk.delta[layers - 1];
        d.upload();
        for (int l = layers - 1; l >= 0; l--) {
            INDArray in = l == 0 ? wk.input.array() : wk.out[l - 1].array();
            Nd4j.gemm(in, d.array(), gw[l], true, false, 1.0, 0.0);
            d.array().sum(gb[l], 0);
            if (l > 0) {
                Mirror below = wk.delta[l - 1];
                Nd4j.gemm(d.array(), w[l], below.array(), false, true, 1.0, 0.0);
                below.download();
                below.multiplyActivationGradient(activation, wk.out[l - 1]);
                below.upload();
                d = below;
            }
        }
    }
}
