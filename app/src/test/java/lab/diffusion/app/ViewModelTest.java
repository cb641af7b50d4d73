package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.diffusion.app.points.DataModel;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.timeline.TimelineModel;
import lab.diffusion.app.training.TrainingModel;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.process.ForwardPaths;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.train.TrainingSnapshot;
import lab.diffusion.engine.train.TrainingStatus;
import org.junit.jupiter.api.Test;

/** View-models without the FX thread. */
class ViewModelTest {

    @Test
    void timelinePlaysLoopsAndClamps() {
        TimelineModel m = new TimelineModel();
        m.setMax(40);
        m.togglePlay();
        m.tick(1.0); // 1× sweeps 40 steps in 4 s: 10 steps per second
        assertEquals(10, m.t());
        m.speedProperty().set(4);
        m.tick(0.5);
        assertEquals(30, m.t());
        m.tick(0.5); // past T with loop: back to 0
        assertEquals(0, m.t());
        m.loopProperty().set(false);
        m.setT(38);
        m.tick(1.0);
        assertEquals(40, m.t());
        assertFalse(m.playingProperty().get(), "stops at T without loop");
        m.backwardsProperty().set(true);
        m.togglePlay();
        m.speedProperty().set(1);
        m.tick(0.5);
        assertEquals(35, m.t());
        m.setT(99);
        assertEquals(40, m.t());
        m.setMax(10);
        assertEquals(10, m.t());
        m.tProperty().set(-3);
        assertEquals(0, m.t());
    }

    @Test
    void dataModelEditsUndoAndRedo() throws Exception {
        DataModel d = new DataModel();
        d.loadPreset(Preset.MOONS);
        assertEquals(DataModel.PRESET_POINTS, d.points().size());
        assertEquals(Preset.MOONS, d.presetProperty().get());
        d.beginStroke();
        d.spray(0, 0, 0.5, 10);
        d.spray(1, 0, 0.5, 10);
        d.endStroke();
        assertEquals(DataModel.PRESET_POINTS + 20, d.points().size());
        assertNull(d.presetProperty().get(), "edited data are no longer the preset");
        d.undo();
        assertEquals(DataModel.PRESET_POINTS, d.points().size());
        d.redo();
        assertEquals(DataModel.PRESET_POINTS + 20, d.points().size());
        int removed = d.erase(0, 0, 100);
        assertEquals(DataModel.PRESET_POINTS + 20, removed);
        assertEquals(0, d.points().size());
        DataException e = assertThrows(DataException.class, d::toPointData);
        assertTrue(e.getMessage().contains("at least 10"), e.getMessage());
        d.addPoint(1, 1);
        e = assertThrows(DataException.class, d::toPointData);
        assertTrue(e.getMessage().contains("there is 1"), e.getMessage());
        d.undo();
        d.undo();
        assertEquals(DataModel.PRESET_POINTS + 20, d.points().size());
    }

    @Test
    void sprayStopsAtTheCap() {
        DataModel d = new DataModel();
        int added = 0;
        for (int i = 0; i < 100; i++) {
            added += d.spray(0, 0, 1, 300);
        }
        assertEquals(DataModel.MAX_POINTS, d.points().size());
        assertEquals(DataModel.MAX_POINTS, added);
        assertEquals(0, d.spray(0, 0, 1, 10));
    }

    @Test
    void scheduleModelValidatesAndWarnsWhenNoiseIsNotReached() {
        ScheduleModel s = new ScheduleModel();
        assertEquals(40, s.steps());
        assertTrue(s.validate(ScheduleFamily.LOGSNR, 1).contains("between 2"));
        assertTrue(s.validate(ScheduleFamily.LOGSNR, 2000).contains("between 2 and 1000"));
        assertNull(s.validate(ScheduleFamily.COSINE, 10));
        s.maxStepsProperty().set(ScheduleModel.MAX_T_BINARY);
        assertNull(s.validate(ScheduleFamily.ERASURE, 2000));
        s.maxStepsProperty().set(ScheduleModel.MAX_T);
        assertThrows(IllegalArgumentException.class, () -> s.set(ScheduleFamily.LOGSNR, 0));
        PointSet roll = Preset.SWISSROLL.standardizer().apply(Preset.SWISSROLL.generate(2000, 1));
        s.setEndpoint(ScheduleModel.endpointKl(roll, s.schedule()));
        assertEquals("", s.warningProperty().get());
        assertTrue(s.endpointKlProperty().get() < 0.05);
        // the warning shows whenever the measured KL is above the threshold
        s.setEndpoint(0.3);
        assertTrue(s.warningProperty().get().contains("does not reach noise"), s.warningProperty().get());
        s.setEndpoint(0.01);
        assertEquals("", s.warningProperty().get());
        s.setEndpoint(Double.NaN);
        assertTrue(s.readoutProperty().get().contains("no data"));
    }

    @Test
    void trainingModelTakesSnapshotsAndResetsItsCurve() {
        TrainingModel m = new TrainingModel();
        m.accept(snap(10, -3.0, Double.NaN, -1));
        m.accept(snap(20, -2.9, -2.8, 20));
        m.accept(snap(30, -2.7, -2.8, 20));
        assertEquals(30, m.stepProperty().get());
        assertEquals(3, m.curveProperty().get().size());
        assertEquals(-2.8, m.curveProperty().get().heldoutBits()[1], 0);
        assertTrue(Double.isNaN(m.curveProperty().get().heldoutBits()[2]), "a held-out value is shown once");
        assertTrue(m.hasProgress());
        m.accept(snap(0, Double.NaN, Double.NaN, -1));
        assertEquals(0, m.curveProperty().get().size());
        assertFalse(m.hasProgress());
    }

    @Test
    void forwardPathsKeepTheirNoiseWhenPointsAreAdded() {
        PointSet a = PointSet.wrap(new float[] {0, 0, 1, 1}, 2);
        PointSet b = PointSet.wrap(new float[] {0, 0, 1, 1, 2, 2}, 2);
        var st = new Standardizer(new double[] {0, 0}, 1);
        var s = Schedules.create(ScheduleFamily.LOGSNR, 10);
        float[][] pa = ForwardPaths.compute(a, st, s, 3);
        float[][] pb = ForwardPaths.compute(b, st, s, 3);
        for (int t = 0; t <= 10; t++) {
            assertEquals(pa[t][2], pb[t][2], 0f);
            assertEquals(pa[t][3], pb[t][3], 0f);
        }
        assertEquals(22, ForwardPaths.path(pb, 1).length);
    }

    private static TrainingSnapshot snap(long step, double k, double held, long heldStep) {
        return new TrainingSnapshot(step, step / 100.0, -k, k, k + 4.09, held, heldStep, 500, 1e-3, 512,
                step == 0 ? TrainingStatus.IDLE : TrainingStatus.RUNNING, "", null);
    }
}
