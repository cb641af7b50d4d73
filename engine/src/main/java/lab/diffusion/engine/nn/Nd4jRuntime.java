package lab.diffusion.engine.nn;

import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J start-up: single-threaded OpenMP/BLAS (set in code, so a packaged launcher needs no
 * environment variables) and the workspace configuration every step runs in.
 */
public final class Nd4jRuntime {

    /** Workspace for one training, evaluation or sampling step; memory is reused step after step. */
    public static final WorkspaceConfiguration STEP_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.25)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private static final String STEP_WORKSPACE_ID = "DIFFUSION_LAB_STEP";

    private static volatile boolean configured;

    private Nd4jRuntime() {
    }

    /** Configures ND4J for this machine: one OpenMP thread, one BLAS thread. Idempotent. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        Nd4j.getBackend(); // loads the native backend; NativeOpsHolder needs it
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        // ND4J's own periodic collection hooks allocation paths that workspaces bypass; long
        // loops call collectGarbage() instead.
        Nd4j.getMemoryManager().togglePeriodicGc(false);
        configured = true;
    }

    /** Runs one step (training, evaluation chunk, sampling step) inside the step workspace. */
    public static <T> T step(Supplier<T> body) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, STEP_WORKSPACE_ID)) {
            return body.get();
        }
    }

    /** Runs one step that returns nothing inside the step workspace. */
    public static void run(Runnable body) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, STEP_WORKSPACE_ID)) {
            body.run();
        }
    }

    /**
     * Collects garbage now. ND4J makes ~50 KB of short-lived Java wrappers per training step and
     * frees the native memory behind them only when they are collected; with a large heap the
     * JVM would let heap and process size grow for many minutes. Long loops call this every few
     * seconds (a few ms each with a small live set), which keeps resident memory flat.
     */
    public static void collectGarbage() {
        Nd4j.getMemoryManager().invokeGc();
    }

    /** Native memory allocated through JavaCPP (ND4J's buffers), MB. */
    public static double nativeMb() {
        return Pointer.totalBytes() / (1024.0 * 1024.0);
    }
}
