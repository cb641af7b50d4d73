package lab.diffusion.engine.cli;

import java.util.Arrays;
import java.util.Locale;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.ImageSet;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.sample.Conditioning;
import lab.diffusion.engine.sample.Trajectory;

/**
 * Inpainting quality on held-out images: the mean squared error on the hole (grey levels
 * scaled to [0, 1]) of the mean of several posterior samples, against filling the hole with the
 * training mean image.
 */
record InpaintScore(int images, double modelMse, double trainingMeanMse, double secondsPerImage, String mask) {

    static InpaintScore measure(ReverseModel model, PointData data, String maskName, int count, int samples, long seed) {
        ImageSet held = data.images().heldout();
        int w = held.width();
        int h = held.height();
        int px = w * h;
        boolean[] hole = mask(maskName, w, h);
        if (count < 1 || count > held.count()) {
            throw new UserError("--images must be between 1 and " + held.count() + " (the held-out images)");
        }
        if (samples < 1 || samples > 64) {
            throw new UserError("--inpaint-samples must be between 1 and 64");
        }
        float[] mean = data.images().train().meanImage();
        double sqModel = 0;
        double sqMean = 0;
        long holePixels = 0;
        long t0 = System.nanoTime();
        // a few images per run: rows = images × samples
        int perRun = Math.max(1, 128 / samples);
        for (int start = 0; start < count; start += perRun) {
            int m = Math.min(perRun, count - start);
            float[] known = new float[m * samples * px];
            boolean[] holes = new boolean[m * samples * px];
            int[] index = new int[m];
            for (int k = 0; k < m; k++) {
                index[k] = (int) ((long) (start + k) * held.count() / count); // spread over the classes
                float[] x = ImageData.toModel(held.image(index[k]), data.standardizer());
                for (int s = 0; s < samples; s++) {
                    System.arraycopy(x, 0, known, (k * samples + s) * px, px);
                    System.arraycopy(hole, 0, holes, (k * samples + s) * px, px);
                }
            }
            Trajectory tr = Conditioning.inpaintRows(model, known, holes, m * samples, seed + start, false);
            float[] out = tr.samples();
            for (int k = 0; k < m; k++) {
                float[] truth = held.image(index[k]);
                float[] avg = new float[px];
                for (int s = 0; s < samples; s++) {
                    float[] g = ImageData.toGrey(Arrays.copyOfRange(out, (k * samples + s) * px, (k * samples + s + 1) * px),
                            data.standardizer());
                    for (int p = 0; p < px; p++) {
                        avg[p] += g[p] / samples;
                    }
                }
                for (int p = 0; p < px; p++) {
                    if (hole[p]) {
                        double e = (avg[p] - truth[p]) / 255.0;
                        double f = (mean[p] - truth[p]) / 255.0;
                        sqModel += e * e;
                        sqMean += f * f;
                        holePixels++;
                    }
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new InpaintScore(count, sqModel / holePixels, sqMean / holePixels, secs / count, maskName);
    }

    static boolean[] mask(String name, int w, int h) {
        boolean[] hole = new boolean[w * h];
        switch (name.toLowerCase(Locale.ROOT)) {
            case "left" -> {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w / 2; x++) {
                        hole[y * w + x] = true;
                    }
                }
            }
            case "centre", "center" -> {
                for (int y = h / 4; y < h / 4 + h / 2; y++) {
                    for (int x = w / 4; x < w / 4 + w / 2; x++) {
                        hole[y * w + x] = true;
                    }
                }
            }
            default -> throw new UserError("--inpaint must be left or centre, got '" + name + "'");
        }
        return hole;
    }

    String describe() {
        return String.format("inpainting %d held-out images (mask: %s): hole MSE %.5f for the mean of the model's samples, "
                + "%.5f for the training mean image (grey levels in [0, 1]); %.2f s per image", images, mask, modelMse,
                trainingMeanMse, secondsPerImage);
    }
}
