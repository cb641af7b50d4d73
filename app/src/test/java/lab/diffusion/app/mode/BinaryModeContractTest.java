package lab.diffusion.app.mode;

import lab.diffusion.app.binary.BinaryMode;

class BinaryModeContractTest extends ExplorerModeContract {

    @Override
    protected ExplorerMode create(ModeContext ctx) {
        return new BinaryMode(ctx);
    }

    @Override
    protected float sampleValue() {
        return 1f;
    }
}
