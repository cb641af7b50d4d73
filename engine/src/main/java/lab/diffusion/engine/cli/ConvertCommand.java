package lab.diffusion.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.SessionFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Re-save a session (checked on reading), optionally compact: float32 weights and no optimizer state, "
                + "as the bundled demos are.")
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, description = "Session file (.dlab) or a bundled demo.")
    String session;

    @Option(names = "--out", required = true, description = "Session file to write.")
    String out;

    @Option(names = "--compact", description = "Float32 weights, no optimizer state (smaller; training restarts its moments).")
    boolean compact;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Path outPath = Outputs.check(out, force);
        Session s = Demos.open(session);
        SessionFile.write(outPath, s, compact);
        System.out.printf("wrote %s (%s, %.1f MB)%n", outPath, compact ? "compact" : "full", Files.size(outPath) / 1e6);
        return 0;
    }
}
