package lab.diffusion.app.mode;

import lab.diffusion.app.points.PointsMode;

class PointsModeContractTest extends ExplorerModeContract {

    @Override
    protected ExplorerMode create(ModeContext ctx) {
        return new PointsMode(ctx);
    }

    @Override
    protected float sampleValue() {
        return 0.5f;
    }
}
