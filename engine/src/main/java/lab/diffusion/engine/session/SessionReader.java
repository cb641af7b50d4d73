package lab.diffusion.engine.session;

import static lab.diffusion.engine.session.SessionFile.FORMAT;
import static lab.diffusion.engine.session.SessionFile.HELDOUT;
import static lab.diffusion.engine.session.SessionFile.HELDOUT_IMAGES;
import static lab.diffusion.engine.session.SessionFile.MANIFEST;
import static lab.diffusion.engine.session.SessionFile.MAX_ENTRY_BYTES;
import static lab.diffusion.engine.session.SessionFile.MAX_FILE_BYTES;
import static lab.diffusion.engine.session.SessionFile.MAX_JSON_BYTES;
import static lab.diffusion.engine.session.SessionFile.META;
import static lab.diffusion.engine.session.SessionFile.OPTIMIZER;
import static lab.diffusion.engine.session.SessionFile.PARAMS;
import static lab.diffusion.engine.session.SessionFile.PARAMS_F32;
import static lab.diffusion.engine.session.SessionFile.TRAIN;
import static lab.diffusion.engine.session.SessionFile.TRAIN_IMAGES;
import static lab.diffusion.engine.session.SessionFile.VERSION;
import static lab.diffusion.engine.session.SessionFile.sha256;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.ImageSet;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.io.InputFiles;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.TrainingHistory;

/**
 * Reading half of {@link SessionFile}: opens the archive, checks names, manifest, version, sizes
 * and checksums, then builds and validates the session from session.json and the binary
 * entries. Everything is checked before anything is returned, so a damaged file changes nothing;
 * entries are read by exact name into memory and never extracted to disk.
 */
final class SessionReader {

    private SessionReader() {
    }

    /**
     * Reads and fully validates a session file.
     *
     * @throws SessionException if the file is missing, not a session, damaged, from a newer
     *                          version or inconsistent, or when {@code cancelled} turns true while
     *                          it is read; the message says which
     */
    static Session read(Path file, BooleanSupplier cancelled) throws SessionException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            String problem = InputFiles.problem(file, "a session file");
            if (problem != null) {
                throw new SessionException(problem);
            }
            AtomicFiles.removeStaleTemps(file); // what a save killed mid-write left beside it
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SessionException(name + " is too large to be a session (" + size / (1 << 20) + " MB)");
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return read(zip, name, cancelled);
            }
        } catch (ZipException e) {
            throw new SessionException(name + " is not a Diffusion Lab session (not a zip archive, or truncated)");
        } catch (NoSuchFileException e) {
            throw new SessionException("no such file: " + file);
        } catch (IOException e) {
            throw new SessionException("cannot read " + name + ": " + e.getMessage());
        }
    }

    private static Session read(ZipFile zip, String name, BooleanSupplier cancelled) throws IOException, SessionException {
        Map<String, ZipEntry> byName = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        int count = 0;
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            String n = e.getName();
            if (++count > 64) {
                throw new SessionException(name + " is not a Diffusion Lab session (too many entries)");
            }
            if (n.contains("..") || n.startsWith("/") || n.contains("\\") || n.contains(":")) {
                throw new SessionException(name + " contains an unsafe entry name '" + n + "' and was not opened");
            }
            if (byName.put(n, e) != null) {
                throw new SessionException(name + " is damaged: entry '" + n + "' appears twice");
            }
        }
        ZipEntry manifestEntry = byName.get(MANIFEST);
        if (manifestEntry == null) {
            throw new SessionException(name + " is not a Diffusion Lab session (no manifest)");
        }
        JsonObject manifest = SessionFields.parseJson(readBounded(zip, manifestEntry, MAX_JSON_BYTES, name, cancelled), name, MANIFEST);
        String format = SessionFields.string(manifest, "format", name, MANIFEST);
        if (!FORMAT.equals(format)) {
            throw new SessionException(name + " is not a Diffusion Lab session (format '" + format + "')");
        }
        int version = (int) SessionFields.number(manifest, "version", name, MANIFEST);
        if (version > VERSION) {
            throw new SessionException(name + " was written by a newer Diffusion Lab (format version " + version
                    + "); this version reads up to " + VERSION);
        }
        if (version < 1) {
            throw new SessionException(name + " has an invalid format version " + version);
        }
        JsonObject entries = SessionFields.object(manifest, "entries", name, MANIFEST);
        boolean images = entries.has(TRAIN_IMAGES) || entries.has(HELDOUT_IMAGES);
        boolean f32 = entries.has(PARAMS_F32) && !entries.has(PARAMS);
        String[] required = {META, images ? TRAIN_IMAGES : TRAIN, images ? HELDOUT_IMAGES : HELDOUT, f32 ? PARAMS_F32 : PARAMS, OPTIMIZER};
        Map<String, Long> declared = new LinkedHashMap<>();
        for (String entry : required) {
            JsonObject info = entries.has(entry) && entries.get(entry).isJsonObject() ? entries.getAsJsonObject(entry) : null;
            if (info == null || !byName.containsKey(entry)) {
                throw new SessionException(name + " is damaged: entry '" + entry + "' is missing");
            }
            long size = (long) SessionFields.number(info, "size", name, MANIFEST);
            if (size < 0 || size > (entry.equals(META) ? MAX_JSON_BYTES : MAX_ENTRY_BYTES)) {
                throw new SessionException(name + " is damaged: entry '" + entry + "' declares an impossible size " + size);
            }
            declared.put(entry, size);
        }
        Map<String, byte[]> bytes = new HashMap<>();
        bytes.put(META, entry(zip, byName, entries, META, declared.get(META), name, cancelled));
        JsonObject meta = SessionFields.parseJson(bytes.get(META), name, META);
        declared.remove(META);
        SessionMeta.checkSizes(meta, declared, name); // before anything large is inflated
        for (Map.Entry<String, Long> d : declared.entrySet()) {
            bytes.put(d.getKey(), entry(zip, byName, entries, d.getKey(), d.getValue(), name, cancelled));
        }
        for (String entry : entries.keySet()) {
            if (entry.startsWith("runs/")) {
                if (!entry.matches("runs/[0-9]{1,2}\\.png") || !byName.containsKey(entry) || !entries.get(entry).isJsonObject()) {
                    throw new SessionException(name + " is damaged: unexpected entry '" + entry + "'");
                }
                long size = (long) SessionFields.number(entries.getAsJsonObject(entry), "size", name, MANIFEST);
                if (size < 0 || size > RunRecord.MAX_THUMBNAIL_BYTES) {
                    throw new SessionException(name + " is damaged: entry '" + entry + "' declares an impossible size " + size);
                }
                bytes.put(entry, entry(zip, byName, entries, entry, size, name, cancelled));
            }
        }
        return build(meta, bytes, name);
    }

    /** One entry of the declared size whose checksum matches the manifest's. */
    private static byte[] entry(ZipFile zip, Map<String, ZipEntry> byName, JsonObject entries, String entry, long size, String name,
                                BooleanSupplier cancelled) throws IOException, SessionException {
        byte[] b = readBounded(zip, byName.get(entry), size, name, cancelled);
        if (b.length != size) {
            throw new SessionException(name + " is damaged: entry '" + entry + "' has " + b.length + " bytes, the manifest says " + size);
        }
        if (!sha256(b).equals(SessionFields.string(entries.getAsJsonObject(entry), "sha256", name, MANIFEST))) {
            throw new SessionException(name + " is damaged: the checksum of '" + entry + "' does not match");
        }
        return b;
    }

    /** At most {@code limit} bytes of an entry, read in pieces so that a cancel takes effect within one. */
    private static byte[] readBounded(ZipFile zip, ZipEntry e, long limit, String name, BooleanSupplier cancelled)
            throws IOException, SessionException {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = new byte[(int) Math.min(limit, Integer.MAX_VALUE - 16)];
            int n = 0;
            while (n < b.length) {
                if (cancelled.getAsBoolean()) {
                    throw new SessionException("opening " + name + " was cancelled");
                }
                int r = in.read(b, n, Math.min(b.length - n, 1 << 20));
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n < b.length) {
                b = Arrays.copyOf(b, n);
            }
            if (in.read() != -1) {
                throw new SessionException(name + " is damaged: entry '" + e.getName() + "' is larger than declared");
            }
            return b;
        } catch (ZipException ex) {
            throw new SessionException(name + " is damaged: entry '" + e.getName() + "' cannot be decompressed");
        } catch (EOFException ex) {
            throw new SessionException(name + " is truncated (entry '" + e.getName() + "' ends early)");
        }
    }

    private static Session build(JsonObject meta, Map<String, byte[]> bytes, String name) throws SessionException {
        try {
            JsonObject data = SessionFields.object(meta, "data", name, META);
            String dataKind = SessionFields.string(data, "kind", name, META);
            if (!"points".equals(dataKind) && !"binary".equals(dataKind) && !"images".equals(dataKind)) {
                throw new SessionException(name + ": data kind '" + SessionFields.string(data, "kind", name, META) + "' is not supported by this version");
            }
            if ("images".equals(dataKind) != bytes.containsKey(TRAIN_IMAGES)) {
                throw new SessionException(name + " is damaged: its data entries do not match data kind '" + dataKind + "'");
            }
            int dim = (int) SessionFields.number(data, "dim", name, META);
            if (dim < 1 || dim > 100_000) {
                throw new SessionException(name + " is damaged: data dimension " + dim);
            }
            long trainCount = (long) SessionFields.number(data, "train_count", name, META);
            long heldCount = (long) SessionFields.number(data, "heldout_count", name, META);
            double[] mean = SessionFields.doubles(data.getAsJsonArray("standardizer_mean"), name);
            if (mean.length != dim) {
                throw new SessionException(name + " is damaged: the standardizer does not match the data dimension");
            }
            Standardizer st = new Standardizer(mean, SessionFields.number(data, "standardizer_scale", name, META));
            String source = SessionFields.string(data, "source", name, META);
            PointData pd;
            if ("images".equals(dataKind)) {
                ImageSet trainImages;
                ImageSet heldImages;
                try {
                    trainImages = ImageSet.fromBytes(bytes.get(TRAIN_IMAGES), TRAIN_IMAGES);
                    heldImages = ImageSet.fromBytes(bytes.get(HELDOUT_IMAGES), HELDOUT_IMAGES);
                } catch (DataException e) {
                    throw new SessionException(name + " is damaged: " + e.getMessage());
                }
                int w = (int) SessionFields.number(data, "width", name, META);
                int h = (int) SessionFields.number(data, "height", name, META);
                if (trainImages.width() != w || trainImages.height() != h || heldImages.width() != w || heldImages.height() != h
                        || w * h != dim || trainImages.count() != trainCount || heldImages.count() != heldCount) {
                    throw new SessionException(name + " is damaged: the stored images do not match their description");
                }
                pd = ImageData.rebuild(source, new PointData.Images(trainImages, heldImages,
                        (long) SessionFields.number(data, "dequant_seed", name, META)), st);
            } else {
                float[] train = SessionFields.floats(bytes.get(TRAIN), name, TRAIN);
                float[] held = SessionFields.floats(bytes.get(HELDOUT), name, HELDOUT);
                if (train.length != trainCount * dim || held.length != heldCount * dim || trainCount < 1 || heldCount < 1) {
                    throw new SessionException(name + " is damaged: the point counts do not match the stored arrays");
                }
                PointSet trainSet = PointSet.wrap(train, dim);
                PointSet heldSet = PointSet.wrap(held, dim);
                if (!trainSet.allFinite() || !heldSet.allFinite()) {
                    throw new SessionException(name + " is damaged: the data contain NaN or infinite values");
                }
                pd = new PointData(source, trainSet, heldSet, st);
            }

            Schedule schedule = SessionMeta.schedule(meta, name);
            JsonObject m = SessionFields.object(meta, "model", name, META);
            ModelSpec spec = SessionMeta.spec(meta, name);
            if (spec.dim() != dim) {
                throw new SessionException(name + " is damaged: the model is " + spec.dim() + "D but the data are " + dim + "D");
            }
            double[] params;
            if (bytes.containsKey(PARAMS_F32)) {
                float[] f = SessionFields.floats(bytes.get(PARAMS_F32), name, PARAMS_F32);
                params = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    params[i] = f[i];
                }
            } else {
                params = SessionFields.doubles(bytes.get(PARAMS), name, PARAMS);
            }
            long expected = spec.parameterCount(schedule);
            if (params.length != expected || (long) SessionFields.number(m, "param_count", name, META) != expected) {
                throw new SessionException(name + " is damaged: it has " + params.length + " weights, the model needs " + expected);
            }
            for (double p : params) {
                if (!Double.isFinite(p)) {
                    throw new SessionException(name + " holds NaN or infinite weights (a diverged model) and was not opened");
                }
                if (Math.abs(p) > Float.MAX_VALUE) {
                    throw new SessionException(name + " holds a weight of " + p + ", beyond what the model's float32 arithmetic"
                            + " can hold (a diverged or damaged model); not opened");
                }
            }
            JsonObject tr = SessionFields.object(meta, "training", name, META);
            Optimizer.Kind opt = Optimizer.Kind.parse(SessionFields.string(tr, "optimizer", name, META));
            double[] state = SessionFields.doubles(bytes.get(OPTIMIZER), name, OPTIMIZER);
            int stateSize = opt == Optimizer.Kind.ADAM ? 2 * params.length : params.length;
            if (state.length != 0 && state.length != stateSize) {
                throw new SessionException(name + " is damaged: the optimizer state has the wrong size");
            }
            for (double v : state) {
                if (!Double.isFinite(v)) {
                    throw new SessionException(name + " is damaged: the optimizer state contains NaN or infinite values");
                }
            }
            TrainingHistory.Curve history = curve(SessionFields.object(tr, "history", name, META), name);
            double lr = SessionFields.number(tr, "learning_rate", name, META);
            int batch = (int) SessionFields.number(tr, "batch_size", name, META);
            // sessions written before the factor existed trained their schedule at the full rate
            double scheduleRate = tr.has("schedule_rate") ? SessionFields.number(tr, "schedule_rate", name, META) : 1.0;
            Session.Training training = new Session.Training(opt, lr, batch, (long) SessionFields.number(tr, "seed", name, META),
                    (long) SessionFields.number(tr, "steps", name, META), SessionFields.number(tr, "seconds", name, META),
                    (long) SessionFields.number(tr, "iteration", name, META), state.length == 0 ? null : state,
                    history, scheduleRate);
            new TrainConfig(opt, lr, batch, training.seed(), 0, 1).withScheduleRate(scheduleRate); // validates settings
            Map<String, String> view = new HashMap<>();
            if (meta.has("view")) {
                if (!meta.get("view").isJsonObject()) {
                    throw new SessionException(name + " is damaged: 'view' is not an object");
                }
                for (var e : meta.getAsJsonObject("view").entrySet()) {
                    if (!e.getValue().isJsonPrimitive() || e.getKey().length() > 100 || e.getValue().getAsString().length() > 1000) {
                        throw new SessionException(name + " is damaged: view setting '" + e.getKey() + "'");
                    }
                    view.put(e.getKey(), e.getValue().getAsString());
                }
            }
            List<RunRecord> runs = new ArrayList<>();
            if (meta.has("runs")) {
                if (!meta.get("runs").isJsonArray() || meta.getAsJsonArray("runs").size() > RunRecord.MAX_RUNS) {
                    throw new SessionException(name + " is damaged: the run history is not a list of at most " + RunRecord.MAX_RUNS);
                }
                for (JsonElement re : meta.getAsJsonArray("runs")) {
                    if (!re.isJsonObject()) {
                        throw new SessionException(name + " is damaged: a run is not an object");
                    }
                    JsonObject ro = re.getAsJsonObject();
                    String thumb = SessionFields.string(ro, "thumbnail", name, META);
                    if (!thumb.isEmpty() && !bytes.containsKey(thumb)) {
                        throw new SessionException(name + " is damaged: the thumbnail '" + thumb + "' is missing");
                    }
                    JsonElement hk = ro.get("heldout_k_bits");
                    runs.add(new RunRecord(SessionFields.string(ro, "name", name, META), SessionFields.string(ro, "settings", name, META),
                            curve(SessionFields.object(ro, "history", name, META), name),
                            hk == null || hk.isJsonNull() ? Double.NaN : hk.getAsDouble(),
                            thumb.isEmpty() ? new byte[0] : bytes.get(thumb)));
                }
            }
            return new Session(pd, schedule, spec, (long) SessionFields.number(m, "seed", name, META), params, training, view, runs);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | UnsupportedOperationException e) {
            throw new SessionException(name + " is damaged: " + e.getMessage());
        }
    }

    private static TrainingHistory.Curve curve(JsonObject h, String name) throws SessionException {
        JsonArray hs = h.getAsJsonArray("steps");
        long[] hSteps = new long[hs == null ? 0 : hs.size()];
        if (hSteps.length > TrainingHistory.CAPACITY * 2) {
            throw new SessionException(name + " is damaged: a training history is too long");
        }
        for (int i = 0; i < hSteps.length; i++) {
            hSteps[i] = hs.get(i).getAsLong();
        }
        double[] hSec = SessionFields.doubles(h.getAsJsonArray("seconds"), name);
        double[] hK = SessionFields.doubles(h.getAsJsonArray("k_bits"), name);
        double[] hHeld = SessionFields.doubles(h.getAsJsonArray("heldout_k_bits"), name);
        if (hSec.length != hSteps.length || hK.length != hSteps.length || hHeld.length != hSteps.length) {
            throw new SessionException(name + " is damaged: the training history arrays differ in length");
        }
        return new TrainingHistory.Curve(hSteps, hSec, hK, hHeld);
    }
}
