package lab.diffusion.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about this process and machine for reports. */
public final class ProcessInfo {

    private ProcessInfo() {
    }

    /** Resident set size in MB from /proc (NaN where unavailable). */
    public static double rssMb() {
        return statusMb("VmRSS:");
    }

    /** The peak resident set size so far in MB from /proc (NaN where unavailable). */
    public static double peakRssMb() {
        return statusMb("VmHWM:");
    }

    private static double statusMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    String[] p = line.trim().split("\\s+");
                    return Long.parseLong(p[1]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** CPU model name from /proc/cpuinfo, or "unknown". */
    public static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** Java heap in use, MB. */
    public static double heapMb() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024.0 * 1024.0);
    }
}
