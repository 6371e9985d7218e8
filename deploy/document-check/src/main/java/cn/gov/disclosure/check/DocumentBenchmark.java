package cn.gov.disclosure.check;

import cn.gov.disclosure.intake.importer.ImportException;
import cn.gov.disclosure.intake.importer.ImportResult;
import cn.gov.disclosure.intake.importer.ReportImporter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Documents per second of the importer, per file (so per format), on one thread: each file is imported for a warm-up
 * second, then as often as fits in the measured seconds; the rate is given per second of the thread's CPU time (other
 * load on the machine does not count) and of wall time. Not a test. Run:
 * <pre>deploy/check-documents.sh --benchmark [SECONDS] FILE…</pre>
 */
public final class DocumentBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DocumentBenchmark() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int from = 0;
        double seconds = 5;
        if (args.length > 0 && args[0].matches("\\d+(\\.\\d+)?")) {
            seconds = Double.parseDouble(args[0]);
            from = 1;
        }
        ReportImporter importer = new ReportImporter();
        out.printf("%-40s %-5s %8s %12s %12s %10s%n", "file", "fmt", "KiB", "docs/s CPU", "docs/s wall", "ms/doc");
        for (int i = from; i < args.length; i++) {
            Path file = Path.of(args[i]);
            byte[] bytes = Files.readAllBytes(file);
            String format = "-";
            try {
                ImportResult first = importer.importDocument(bytes);
                format = first.format().code();
            } catch (ImportException e) {
                format = "refused";
            }
            run(importer, bytes, 1.0);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long n = run(importer, bytes, seconds);
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            out.printf(
                    "%-40s %-5s %8.1f %12.1f %12.1f %10.2f%n",
                    file.getFileName(), format, bytes.length / 1024.0, n / cpu, n / wall, cpu * 1000 / n);
        }
    }

    private static long run(ReportImporter importer, byte[] bytes, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            try {
                importer.importDocument(bytes);
            } catch (ImportException e) {
                // a refusal is work too
            }
            n++;
        }
        return n;
    }
}
