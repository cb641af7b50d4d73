package lab.diffusion.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives whose entries would inflate to far more than their description can need are refused
 * from session.json and the manifest alone, before any large entry is inflated; an open can be
 * cancelled part-way.
 */
class SessionInflationTest {

    @TempDir
    static Path dir;
    static Path valid;

    @BeforeAll
    static void save() throws Exception {
        Nd4jRuntime.configure();
        PointData data = DataSources.preset(Preset.MOONS, 500, 100, 4);
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.COSINE, 20), 4);
        TrainConfig cfg = TrainConfig.defaults().withSeed(4);
        Trainer tr = new Trainer(m, data, cfg);
        tr.run(5, Double.MAX_VALUE, null);
        valid = dir.resolve("valid.dlab");
        SessionFile.write(valid, Sessions.capture(tr, 4, cfg));
    }

    /** The message reading {@code f} ends with. */
    private static String refusal(Path f) {
        return assertThrows(SessionException.class, () -> SessionFile.read(f)).getMessage();
    }

    /** A copy whose manifest declares {@code size} bytes for {@code entry} (the entry itself unchanged). */
    private static Path declaring(String name, String entry, long size) throws Exception {
        return SessionFileTest.craftFrom(valid, dir.resolve(name), m -> {
            JsonObject man = JsonParser.parseString(new String(m.get(SessionFile.MANIFEST), StandardCharsets.UTF_8)).getAsJsonObject();
            man.getAsJsonObject("entries").getAsJsonObject(entry).addProperty("size", size);
            m.put(SessionFile.MANIFEST, man.toString().getBytes(StandardCharsets.UTF_8));
        }, false);
    }

    @Test
    void aRealEntryOfZerosFarLargerThanTheModelNeedsIsRefusedByItsDeclaredSize() throws Exception {
        Path f = SessionFileTest.craftFrom(valid, dir.resolve("zeros.dlab"), m -> m.put(SessionFile.PARAMS, new byte[64 << 20]), true);
        String msg = refusal(f);
        assertTrue(msg.startsWith("zeros.dlab declares 67.1 MB for 'model/params.f64' but its model's "), msg);
        assertTrue(msg.contains(" weights need ") && msg.endsWith("not opened"), msg);
    }

    @Test
    void gigabytesDescribedAndDeclaredTogetherAreRefusedBeforeAnyIsRead() throws Exception {
        Path f = SessionFileTest.craftFrom(valid, dir.resolve("huge.dlab"), m -> {
            m.put(SessionFile.META, SessionFileTest.editJson(SessionFileTest.editJson(m.get(SessionFile.META),
                    "\"train_count\": 500", "\"train_count\": 100000000"), "\"heldout_count\": 100", "\"heldout_count\": 50000000"));
            JsonObject man = JsonParser.parseString(new String(m.get(SessionFile.MANIFEST), StandardCharsets.UTF_8)).getAsJsonObject();
            man.getAsJsonObject("entries").getAsJsonObject(SessionFile.TRAIN).addProperty("size", 800_000_000L);
            man.getAsJsonObject("entries").getAsJsonObject(SessionFile.HELDOUT).addProperty("size", 400_000_000L);
            JsonObject meta = man.getAsJsonObject("entries").getAsJsonObject(SessionFile.META);
            meta.addProperty("size", m.get(SessionFile.META).length);
            meta.addProperty("sha256", SessionFile.sha256(m.get(SessionFile.META)));
            m.put(SessionFile.MANIFEST, man.toString().getBytes(StandardCharsets.UTF_8));
        }, false);
        assertEquals("huge.dlab declares 1.2 GB of content; a session holds at most 1.1 GB — not opened", refusal(f));
    }

    @Test
    void everyBinaryEntryIsHeldToWhatTheDescriptionImplies() throws Exception {
        for (Map.Entry<String, String> c : Map.of(SessionFile.TRAIN, "its 500 points need 4.0 kB",
                SessionFile.HELDOUT, "its 100 held-out points need 800 bytes",
                SessionFile.OPTIMIZER, "the optimizer state of its ").entrySet()) {
            String msg = refusal(declaring("big-" + c.getKey().replace('/', '-') + ".dlab", c.getKey(), 300_000_000L));
            assertTrue(msg.contains("declares 300.0 MB for '" + c.getKey() + "' but " + c.getValue()), msg);
        }
    }

    @Test
    void anOpenStopsSoonAfterItIsCancelled() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        SessionException e = assertThrows(SessionException.class, () -> SessionFile.read(valid, () -> asked.incrementAndGet() > 2));
        assertTrue(e.getMessage().equals("opening valid.dlab was cancelled"), e.getMessage());
        SessionFile.read(valid, () -> false); // and the same file opens when nobody cancels
    }
}
