package lab.diffusion.engine.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A bounded evaluation uses fewer points for a long chain, and its standard error is honest. */
class BoundedEvaluationTest {

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
    }

    @Test
    void theBudgetKeepsEveryPointAtTheDefaultTAndFewerForALongChain() {
        PointSet held = BoundTest.standardNormal(20_000, 1);
        assertEquals(20_000, Bounds.withinBudget(held, 1000).size());
        assertEquals(1_000, Bounds.withinBudget(held, 20_001).size());
        assertEquals(Bounds.MIN_POINTS, Bounds.withinBudget(held, 100_000).size());
        assertEquals(50, Bounds.withinBudget(BoundTest.standardNormal(50, 1), 100_000).size());
    }

    /**
     * The reported standard error (per-point spread / √n) against an independent one: the spread
     * of K over ten disjoint sets of points, each evaluated with its own noise.
     */
    @Test
    void theReportedStandardErrorMatchesTheSpreadOverIndependentSets() {
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 20), 3);
        int groups = 10;
        List<Double> ks = new ArrayList<>();
        double reported = 0;
        for (int g = 0; g < groups; g++) {
            float[] c = BoundTest.standardNormal(1_000, 50 + g).toArray();
            for (int i = 0; i < c.length; i++) {
                c[i] = 0.4f * c[i] + (i % 2 == 0 ? 0.8f : 0f); // not the model's own N(0, I): K varies by point
            }
            BoundReport r = BoundEvaluator.evaluate(m, PointSet.wrap(c, 2), 70 + g);
            ks.add(r.kBits());
            reported += r.standardErrorBits() / groups;
        }
        double mean = ks.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var = ks.stream().mapToDouble(k -> (k - mean) * (k - mean)).sum() / (groups - 1);
        double spread = Math.sqrt(var);
        assertTrue(reported > 0.001, "a standard error of " + reported + " bits says nothing");
        double ratio = reported / spread;
        assertTrue(ratio > 0.6 && ratio < 1.6, "reported " + reported + " bits, spread over sets " + spread + " bits");
    }
}
