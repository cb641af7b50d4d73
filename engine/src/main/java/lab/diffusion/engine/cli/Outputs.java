package lab.diffusion.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output path before any long work, so nothing is computed only to fail at the end. */
final class Outputs {

    private Outputs() {
    }

    static Path check(String out, boolean force) {
        Path p = Path.of(out).toAbsolutePath();
        if (Files.isDirectory(p)) {
            throw new UserError(out + " is a folder; give a file name");
        }
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError("the folder of " + out + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UserError("no permission to write in " + dir);
        }
        if (Files.exists(p) && !force) {
            throw new UserError(out + " already exists; use --force to replace it");
        }
        return p;
    }
}
