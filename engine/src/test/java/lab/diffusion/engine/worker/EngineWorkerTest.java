package lab.diffusion.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.sample.Sampler;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.Test;

class EngineWorkerTest {

    @Test
    void tasksRunInOrderOnOneNamedThread() throws Exception {
        try (EngineWorker w = new EngineWorker()) {
            List<String> threads = Collections.synchronizedList(new ArrayList<>());
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 20; i++) {
                int k = i;
                w.run(() -> {
                    threads.add(Thread.currentThread().getName());
                    order.add(k);
                });
            }
            w.submit(() -> 0).get(10, TimeUnit.SECONDS);
            assertEquals(20, order.size());
            for (int i = 0; i < 20; i++) {
                assertEquals(i, order.get(i));
                assertEquals(EngineWorker.THREAD_NAME, threads.get(i));
            }
            assertFalse(w.isWorkerThread());
            assertTrue(w.submit(w::isWorkerThread).get());
        }
    }

    @Test
    void aGatedWorkerStartsWhenTheGateOpensOrTheWaitEnds() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        try (EngineWorker w = new EngineWorker(gate, 60_000)) {
            CompletableFuture<Integer> first = w.submit(() -> 1);
            CompletableFuture<Integer> second = w.submit(() -> 2);
            Thread.sleep(300);
            assertFalse(first.isDone() || second.isDone(), "nothing runs before the gate opens");
            gate.complete(null);
            assertEquals(2, second.get(30, TimeUnit.SECONDS));
            assertTrue(first.isDone());
        }
        long t0 = System.nanoTime();
        try (EngineWorker w = new EngineWorker(new CompletableFuture<>(), 200)) {
            assertEquals(3, w.submit(() -> 3).get(30, TimeUnit.SECONDS), "a gate that never opens only delays");
            assertTrue(System.nanoTime() - t0 >= 200_000_000L);
        }
    }

    @Test
    void nd4jWorkRunsOnTheWorkerAndErrorsComeBackAsFailedFutures() throws Exception {
        try (EngineWorker w = new EngineWorker()) {
            float[] samples = w.submit(() -> {
                ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 10), 1);
                return Sampler.sample(m, 100, 1, false).samples();
            }).get(60, TimeUnit.SECONDS);
            assertEquals(200, samples.length);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> w.submit(() -> Schedules.create(ScheduleFamily.LOGSNR, 1)).get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalArgumentException);
            assertEquals(3, w.submit(() -> 3).get(10, TimeUnit.SECONDS), "the worker survives a failed task");
        }
    }
}
