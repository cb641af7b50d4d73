package lab.diffusion.app.plots;

import org.junit.jupiter.api.Test;

class PixelLayerTest {

    @Test
    void shapesOutsideTheLayerAreClippedNotWrittenPastTheArray() {
        PixelLayer p = new PixelLayer();
        p.begin(new Viewport(0, 0, 50, 40, 0, 1, 0, 1, false), 1);
        p.rect(45, 35, 30, 30, 0xff000000); // partly outside
        p.rect(80, 10, 5, 5, 0xff000000);   // wholly to the right
        p.rect(-30, -30, 10, 10, 0xff000000); // wholly to the upper left
        p.rect(10, 60, 5, 5, 0xff000000);   // wholly below
        p.dot(49.9, 39.9, 6, 0xff000000);
        p.dot(-10, -10, 3, 0xff000000);
    }
}
