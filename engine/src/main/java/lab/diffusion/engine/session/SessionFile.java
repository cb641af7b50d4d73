package lab.diffusion.engine.session;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.train.TrainingHistory;

/**
 * The session file format, version 1: a zip archive holding
 * <ul>
 * <li>{@code manifest.json} — format name, version, and the size and SHA-256 of every other entry;</li>
 * <li>{@code session.json} — data source and standardizer, schedule (explicit β), model spec,
 *     training settings, progress and K history;</li>
 * <li>{@code data/train.f32}, {@code data/heldout.f32} — points, little-endian float32, row-major;
 *     for image data instead {@code data/train.dlimg.gz}, {@code data/heldout.dlimg.gz} — the 8-bit
 *     images in the compact image-set format, from which the points are rebuilt exactly with the
 *     dequantization seed in session.json;</li>
 * <li>{@code model/params.f64}, {@code model/optimizer.f64} — little-endian float64; a compact
 *     session (a bundled demo) has {@code model/params.f32} instead and an empty optimizer state.</li>
 * </ul>
 * Reading checks everything before returning, so a damaged file changes nothing. Entries are read
 * by exact name into memory; nothing is ever extracted to disk.
 */
public final class SessionFile {

    public static final String FORMAT = "diffusion-lab-session";
    public static final int VERSION = 1;
    /** Largest session file accepted. */
    public static final long MAX_FILE_BYTES = 1L << 31;
    /** Largest single entry accepted. */
    public static final long MAX_ENTRY_BYTES = 1L << 30;
    static final long MAX_JSON_BYTES = 16L << 20;

    static final String MANIFEST = "manifest.json";
    static final String META = "session.json";
    static final String TRAIN = "data/train.f32";
    static final String HELDOUT = "data/heldout.f32";
    static final String TRAIN_IMAGES = "data/train.dlimg.gz";
    static final String HELDOUT_IMAGES = "data/heldout.dlimg.gz";
    static final String PARAMS = "model/params.f64";
    static final String PARAMS_F32 = "model/params.f32";
    static final String OPTIMIZER = "model/optimizer.f64";

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create();

    private SessionFile() {
    }

    // ---------------------------------------------------------------- writing

    /** Writes the session atomically: the old file survives any failure. */
    public static void write(Path file, Session s) throws IOException {
        write(file, s, false);
    }

    /**
     * Writes the session atomically. A compact session stores the weights as float32 (what the
     * model computes with) and no optimizer state: for bundled demos that open, sample and
     * inpaint; training continues from them with fresh optimizer moments.
     */
    public static void write(Path file, Session s, boolean compact) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(META, GSON.toJson(meta(s)).getBytes(StandardCharsets.UTF_8));
        if (s.data().isImages()) {
            entries.put(TRAIN_IMAGES, s.data().images().train().toBytes());
            entries.put(HELDOUT_IMAGES, s.data().images().heldout().toBytes());
        } else {
            entries.put(TRAIN, floats(s.data().train().toArray()));
            entries.put(HELDOUT, floats(s.data().heldout().toArray()));
        }
        if (compact) {
            double[] p = s.params();
            float[] f = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                f[i] = (float) p[i];
            }
            entries.put(PARAMS_F32, floats(f));
        } else {
            entries.put(PARAMS, doubles(s.params()));
        }
        double[] state = compact ? null : s.training().optimizerState();
        entries.put(OPTIMIZER, doubles(state == null ? new double[0] : state));
        for (int i = 0; i < s.runs().size(); i++) {
            byte[] png = s.runs().get(i).thumbnailPng();
            if (png.length > 0) {
                entries.put(runThumbnail(i), png);
            }
        }
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", FORMAT);
        manifest.addProperty("version", VERSION);
        manifest.addProperty("created", Instant.now().toString());
        JsonObject list = new JsonObject();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            JsonObject o = new JsonObject();
            o.addProperty("size", e.getValue().length);
            o.addProperty("sha256", sha256(e.getValue()));
            list.add(e.getKey(), o);
        }
        manifest.add("entries", list);
        byte[] manifestBytes = GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(1);
            put(zip, MANIFEST, manifestBytes);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
            zip.finish();
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static JsonObject meta(Session s) {
        JsonObject root = new JsonObject();
        PointData d = s.data();
        JsonObject data = new JsonObject();
        data.addProperty("kind", d.isImages() ? "images" : s.model().kind() == ModelSpec.Kind.BINOMIAL ? "binary" : "points");
        if (d.isImages()) {
            data.addProperty("width", d.images().width());
            data.addProperty("height", d.images().height());
            data.addProperty("dequant_seed", d.images().dequantSeed());
        }
        data.addProperty("source", d.source());
        data.addProperty("dim", d.dim());
        data.addProperty("train_count", d.train().size());
        data.addProperty("heldout_count", d.heldout().size());
        data.add("standardizer_mean", array(d.standardizer().mean()));
        data.addProperty("standardizer_scale", d.standardizer().scale());
        root.add("data", data);

        JsonObject sch = new JsonObject();
        sch.addProperty("family", s.schedule().family().id());
        sch.addProperty("T", s.schedule().steps());
        sch.add("betas", array(s.schedule().betas()));
        root.add("schedule", sch);

        ModelSpec m = s.model();
        JsonObject model = new JsonObject();
        model.addProperty("kind", m.kind().id());
        model.addProperty("dim", m.dim());
        model.addProperty("width", m.width());
        model.addProperty("depth", m.depth());
        model.addProperty("activation", m.activation().id());
        model.addProperty("readout", m.readout().id());
        model.addProperty("bumps", m.bumps());
        model.addProperty("mean_form", m.meanForm().id());
        model.addProperty("ddpm_variance", m.ddpmVariance().id());
        model.addProperty("embedding", m.embedding());
        if (m.kind() == ModelSpec.Kind.BINOMIAL) {
            model.addProperty("base_rate", m.baseRate());
            model.addProperty("binomial_head", m.cleanBitHead() ? "clean-bit" : "kernel");
        }
        model.addProperty("seed", s.modelSeed());
        model.addProperty("param_count", s.params().length);
        root.add("model", model);

        Session.Training tr = s.training();
        JsonObject training = new JsonObject();
        training.addProperty("optimizer", tr.optimizer().id());
        training.addProperty("learning_rate", tr.learningRate());
        training.addProperty("batch_size", tr.batchSize());
        training.addProperty("schedule_rate", tr.scheduleRate());
        training.addProperty("seed", tr.seed());
        training.addProperty("steps", tr.steps());
        training.addProperty("seconds", tr.seconds());
        training.addProperty("iteration", tr.iteration());
        training.add("history", curveJson(tr.history()));
        root.add("training", training);

        JsonObject view = new JsonObject();
        new TreeMap<>(s.view()).forEach(view::addProperty);
        root.add("view", view);
        JsonArray runs = new JsonArray();
        for (int i = 0; i < s.runs().size(); i++) {
            RunRecord r = s.runs().get(i);
            JsonObject o = new JsonObject();
            o.addProperty("name", r.name());
            o.addProperty("settings", r.settings());
            o.add("heldout_k_bits", Double.isNaN(r.heldoutBits()) ? null : new JsonPrimitive(r.heldoutBits()));
            o.add("history", curveJson(r.curve()));
            o.addProperty("thumbnail", r.thumbnailPng().length > 0 ? runThumbnail(i) : "");
            runs.add(o);
        }
        root.add("runs", runs);
        return root;
    }

    static String runThumbnail(int i) {
        return "runs/" + i + ".png";
    }

    private static JsonObject curveJson(TrainingHistory.Curve c) {
        JsonObject hist = new JsonObject();
        JsonArray hs = new JsonArray();
        for (long v : c.steps()) {
            hs.add(v);
        }
        hist.add("steps", hs);
        hist.add("seconds", array(c.seconds()));
        hist.add("k_bits", array(c.kBits()));
        hist.add("heldout_k_bits", array(c.heldoutBits()));
        return hist;
    }

    private static JsonArray array(double[] v) {
        JsonArray a = new JsonArray();
        for (double x : v) {
            a.add(Double.isNaN(x) ? null : new JsonPrimitive(x));
        }
        return a;
    }

    private static byte[] floats(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    private static byte[] doubles(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        return b.array();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads and fully validates a session file (see {@link SessionReader}).
     *
     * @throws SessionException if the file is missing, not a session, damaged, from a newer
     *                          version or inconsistent; the message says which
     */
    public static Session read(Path file) throws SessionException {
        return SessionReader.read(file, () -> false);
    }

    /**
     * As {@link #read(Path)}, stopping with a SessionException soon after {@code cancelled}
     * turns true (checked between pieces of at most 1 MB).
     */
    public static Session read(Path file, BooleanSupplier cancelled) throws SessionException {
        return SessionReader.read(file, cancelled);
    }
}
