package lab.diffusion.app.mode;

import lab.diffusion.app.images.ImageMode;

class ImageModeContractTest extends ExplorerModeContract {

    @Override
    protected ExplorerMode create(ModeContext ctx) {
        return new ImageMode(ctx);
    }

    @Override
    protected float sampleValue() {
        return 128f;
    }
}
