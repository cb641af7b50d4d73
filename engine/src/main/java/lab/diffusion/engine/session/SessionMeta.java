package lab.diffusion.engine.session;

import static lab.diffusion.engine.session.SessionFile.HELDOUT;
import static lab.diffusion.engine.session.SessionFile.HELDOUT_IMAGES;
import static lab.diffusion.engine.session.SessionFile.META;
import static lab.diffusion.engine.session.SessionFile.OPTIMIZER;
import static lab.diffusion.engine.session.SessionFile.PARAMS;
import static lab.diffusion.engine.session.SessionFile.PARAMS_F32;
import static lab.diffusion.engine.session.SessionFile.TRAIN;
import static lab.diffusion.engine.session.SessionFile.TRAIN_IMAGES;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Activation;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;

/**
 * What session.json describes — the schedule, the model, and from them the size each binary
 * entry may have — read before any binary entry is inflated, so that a small archive whose
 * entries would inflate to gigabytes is refused at once ("declares 5.4 GB …") instead of after
 * minutes and gigabytes of memory. Pure functions, any thread.
 */
final class SessionMeta {

    /** The most content (inflated binary entries together) a session may declare. */
    static final long MAX_CONTENT_BYTES = 1L << 30;

    private SessionMeta() {
    }

    /** The β schedule described in session.json. */
    static Schedule schedule(JsonObject meta, String name) throws SessionException {
        JsonObject sch = SessionFields.object(meta, "schedule", name, META);
        ScheduleFamily family = ScheduleFamily.parse(SessionFields.string(sch, "family", name, META));
        double[] betas = SessionFields.doubles(sch.getAsJsonArray("betas"), name);
        if (betas.length != (int) SessionFields.number(sch, "T", name, META)) {
            throw new SessionException(name + " is damaged: T does not match the number of β values");
        }
        return Schedule.ofBetas(family, betas);
    }

    /** The model architecture described in session.json. */
    static ModelSpec spec(JsonObject meta, String name) throws SessionException {
        JsonObject m = SessionFields.object(meta, "model", name, META);
        return new ModelSpec(ModelSpec.Kind.parse(SessionFields.string(m, "kind", name, META)), (int) SessionFields.number(m, "dim", name, META),
                (int) SessionFields.number(m, "width", name, META), (int) SessionFields.number(m, "depth", name, META),
                Activation.parse(SessionFields.string(m, "activation", name, META)), ModelSpec.Readout.parse(SessionFields.string(m, "readout", name, META)),
                (int) SessionFields.number(m, "bumps", name, META), ModelSpec.MeanForm.parse(SessionFields.string(m, "mean_form", name, META)),
                ModelSpec.DdpmVariance.parse(SessionFields.string(m, "ddpm_variance", name, META)), (int) SessionFields.number(m, "embedding", name, META),
                m.has("base_rate") ? SessionFields.number(m, "base_rate", name, META) : Double.NaN,
                m.has("binomial_head") && "clean-bit".equals(SessionFields.string(m, "binomial_head", name, META)));
    }

    /**
     * Checks the sizes the manifest declares for the binary entries against what session.json
     * implies, before anything is inflated: point arrays hold exactly count × dim float32 values,
     * the weights exactly the model's parameter count, the optimizer state nothing or one or two
     * values per weight, a gzip image set at most its pixels plus a little; together at most
     * {@link #MAX_CONTENT_BYTES}.
     *
     * @param declared the declared size of each required entry
     */
    static void checkSizes(JsonObject meta, Map<String, Long> declared, String name) throws SessionException {
        try {
            JsonObject data = SessionFields.object(meta, "data", name, META);
            long dim = (long) SessionFields.number(data, "dim", name, META);
            long train = (long) SessionFields.number(data, "train_count", name, META);
            long held = (long) SessionFields.number(data, "heldout_count", name, META);
            if (dim < 1 || train < 1 || held < 1) {
                throw new SessionException(name + " is damaged: it describes " + train + " + " + held + " points of dimension " + dim);
            }
            long params = spec(meta, name).parameterCount(schedule(meta, name));
            exact(declared, TRAIN, Math.multiplyExact(Math.multiplyExact(train, dim), 4L), "its " + train + " points need", name);
            exact(declared, HELDOUT, Math.multiplyExact(Math.multiplyExact(held, dim), 4L), "its " + held + " held-out points need", name);
            atMost(declared, TRAIN_IMAGES, gzipBound(train, dim), "its " + train + " images need at most", name);
            atMost(declared, HELDOUT_IMAGES, gzipBound(held, dim), "its " + held + " held-out images need at most", name);
            exact(declared, PARAMS, Math.multiplyExact(params, 8L), "its model's " + params + " weights need", name);
            exact(declared, PARAMS_F32, Math.multiplyExact(params, 4L), "its model's " + params + " weights need", name);
            Long opt = declared.get(OPTIMIZER);
            Optimizer.Kind kind = Optimizer.Kind.parse(SessionFields.string(SessionFields.object(meta, "training", name, META),
                    "optimizer", name, META));
            long state = Math.multiplyExact(params, kind == Optimizer.Kind.ADAM ? 16L : 8L);
            if (opt != null && opt != 0 && opt != state) {
                throw mismatch(OPTIMIZER, opt, state, "the optimizer state of its " + params + " weights needs", name);
            }
        } catch (ArithmeticException e) {
            throw new SessionException(name + " is damaged: it describes more data than any session can hold");
        } catch (IllegalArgumentException e) {
            throw new SessionException(name + " is damaged: " + e.getMessage());
        }
        long total = declared.values().stream().mapToLong(Long::longValue).sum();
        if (total > MAX_CONTENT_BYTES) {
            String[] sizes = sizes(total, MAX_CONTENT_BYTES);
            throw new SessionException(name + " declares " + sizes[0] + " of content; a session holds at most " + sizes[1] + " — not opened");
        }
    }

    /** The largest gzip of an image set: header, labels and pixels stored uncompressed, plus deflate's block overhead. */
    private static long gzipBound(long count, long pixels) {
        long raw = Math.addExact(14 + count, Math.multiplyExact(count, pixels));
        return raw + raw / 1000 + 1024;
    }

    private static void exact(Map<String, Long> declared, String entry, long implied, String what, String name) throws SessionException {
        Long d = declared.get(entry);
        if (d != null && d != implied) {
            throw mismatch(entry, d, implied, what, name);
        }
    }

    private static void atMost(Map<String, Long> declared, String entry, long bound, String what, String name) throws SessionException {
        Long d = declared.get(entry);
        if (d != null && d > bound) {
            throw mismatch(entry, d, bound, what, name);
        }
    }

    private static SessionException mismatch(String entry, long declared, long implied, String what, String name) {
        String[] sizes = sizes(declared, implied);
        return new SessionException(name + " declares " + sizes[0] + " for '" + entry + "' but " + what + " " + sizes[1]
                + " — damaged or not written by Diffusion Lab; not opened");
    }

    /** Two sizes for people, exact when rounding would make them look the same. */
    private static String[] sizes(long a, long b) {
        String sa = bytes(a);
        String sb = bytes(b);
        return sa.equals(sb) ? new String[] {String.format(Locale.ROOT, "%,d bytes", a), String.format(Locale.ROOT, "%,d bytes", b)}
                : new String[] {sa, sb};
    }

    /** A byte count for people: "5.4 GB", "19.8 kB", "412 bytes". */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
