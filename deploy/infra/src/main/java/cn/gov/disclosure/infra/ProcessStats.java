package cn.gov.disclosure.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What /proc tells of a process: its peak resident memory and the CPU time it used (Linux; 0 when unknown). */
public final class ProcessStats {

    private ProcessStats() {}

    /** VmHWM, the peak resident set of a process, in bytes. */
    public static long peakResidentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring("VmHWM:".length())
                                    .replace("kB", "")
                                    .trim())
                            * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux
        }
        return 0;
    }

    /** User + system CPU seconds of a process (its threads, not its children), from /proc/<pid>/stat. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (100/s)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
