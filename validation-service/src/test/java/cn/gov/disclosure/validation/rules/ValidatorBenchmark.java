package cn.gov.disclosure.validation.rules;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.model.AnnualReport;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Throughput of {@link ReportValidator#standard()} on one thread. Generates N varied reports of both templates (a third
 * with an injected fault, half of the valid ones with a previous year; the narratives of the five seeds, 3–9 KB
 * each), warms up, then measures in CPU time of the thread (so other load on the machine does not count):
 * <ol>
 *   <li>JSON → report only (what the Kafka consumer does before validating);</li>
 *   <li>JSON → report → validate: the report is validated right after it was read, as in the service;
 *       validation alone = (2) − (1);</li>
 *   <li>validate only, cycling over the N reports already in memory (cold caches: N reports do not fit in them).</li>
 * </ol>
 * Not a test (surefire does not run it). Run:
 * <pre>
 * ./mvnw -o -q test-compile -pl validation-service -Dquarkus.build.skip=true
 * ./mvnw -o -q dependency:build-classpath -pl validation-service -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * cd validation-service &amp;&amp; java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     cn.gov.disclosure.validation.rules.ValidatorBenchmark [N [seconds-per-measurement [per-rule]]]
 * </pre>
 */
public final class ValidatorBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ObjectReader READER = ContractsJson.mapper().readerFor(AnnualReport.class);

    private ValidatorBenchmark() {}

    record Input(byte[] json, AnnualReport report, ValidationContext ctx) {}

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ReportGenerator generator = new ReportGenerator(20_240_101L);
        List<Input> inputs = new ArrayList<>(n);
        long faulty = 0;
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            ReportGenerator.Generated g = generator.next();
            byte[] json = ContractsJson.mapper().writeValueAsBytes(g.report());
            bytes += json.length;
            faulty += g.fault() == null ? 0 : 1;
            inputs.add(new Input(json, g.report(), g.ctx()));
        }
        ReportValidator validator = ReportValidator.standard();
        System.out.printf(
                "reports: %d (%d with an injected fault; JSON %,d bytes on average), rules: %d, JVM %s%n",
                n, faulty, bytes / n, validator.rules().size(), System.getProperty("java.vm.version"));
        if (args.length > 2 && args[2].equals("per-rule")) {
            perRule(inputs);
        }

        ToLongFunction<Input> parse = in -> read(in.json()).sections().size();
        ToLongFunction<Input> parseAndValidate =
                in -> validator.validate(read(in.json()), in.ctx()).size();
        ToLongFunction<Input> validateOnly =
                in -> validator.validate(in.report(), in.ctx()).size();

        long findings = 0;
        for (Input in : inputs) {
            findings += validateOnly.applyAsLong(in);
        }
        System.out.printf("findings per round of %d reports: %d%n", n, findings);

        warmUp(inputs, parseAndValidate, validateOnly);
        double[] us = measure(inputs, seconds, parse, parseAndValidate, validateOnly);
        String[] names = {
            "1. JSON -> report", "2. JSON -> report -> validate", "3. validate only, cold (cycling over N reports)"
        };
        for (int i = 0; i < us.length; i++) {
            System.out.printf("%-50s %8.1f µs CPU per report = %,9.0f reports/s/core%n", names[i], us[i], 1e6 / us[i]);
        }
        double parseUs = us[0];
        double bothUs = us[1];
        double coldUs = us[2];
        double hotUs = bothUs - parseUs;
        System.out.printf(
                "=> validation of a freshly read report: %.1f µs CPU = %,.0f reports/s/core%n", hotUs, 1e6 / hotUs);
        System.out.printf(
                "=> validation of a report from a cold cache: %.1f µs CPU = %,.0f reports/s/core%n",
                coldUs, 1e6 / coldUs);
    }

    private static AnnualReport read(byte[] json) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SafeVarargs
    private static void warmUp(List<Input> inputs, ToLongFunction<Input>... work) {
        long end = System.nanoTime() + 8_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (ToLongFunction<Input> w : work) {
                for (Input in : inputs) {
                    sink += w.applyAsLong(in);
                }
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    /**
     * Runs each workload over all inputs in turn, round after round, for about {@code seconds} × the number of workloads
     * of wall time; returns µs of thread CPU per report for each. Interleaving the workloads spreads the other load on
     * the machine evenly over them.
     */
    @SafeVarargs
    private static double[] measure(List<Input> inputs, int seconds, ToLongFunction<Input>... work) {
        long[] cpu = new long[work.length];
        long rounds = 0;
        long sink = 0;
        long end = System.nanoTime() + (long) seconds * work.length * 1_000_000_000L;
        long wall0 = System.nanoTime();
        do {
            for (int w = 0; w < work.length; w++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                for (Input in : inputs) {
                    sink += work[w].applyAsLong(in);
                }
                cpu[w] += THREADS.getCurrentThreadCpuTime() - c0;
            }
            rounds++;
        } while (System.nanoTime() < end);
        long wall = System.nanoTime() - wall0;
        long cpuTotal = Arrays.stream(cpu).sum();
        System.out.printf(
                "%d rounds of %d reports per workload; the thread was on a CPU %.0f%% of the %.1f s%n",
                rounds, inputs.size(), 100.0 * cpuTotal / wall, wall / 1e9);
        if (sink == 42) {
            System.out.println();
        }
        double[] us = new double[work.length];
        for (int w = 0; w < work.length; w++) {
            us[w] = cpu[w] / 1e3 / (rounds * inputs.size());
        }
        return us;
    }

    /** Time spent in each rule alone (µs CPU per report, reports from a warm cache), to find the expensive ones. */
    private static void perRule(List<Input> inputs) {
        List<Input> few = inputs.subList(0, Math.min(inputs.size(), 200));
        for (Rule rule : RuleCatalogue.all()) {
            ReportValidator one = new ReportValidator(List.of(rule));
            ToLongFunction<Input> w = in -> one.validate(in.report(), in.ctx()).size();
            for (int i = 0; i < 50; i++) {
                few.forEach(w::applyAsLong);
            }
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            int rounds = 100;
            for (int i = 0; i < rounds; i++) {
                few.forEach(w::applyAsLong);
            }
            double us = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e3 / rounds / few.size();
            System.out.printf("  %-24s %8.2f µs/report%n", rule.info().code(), us);
        }
    }
}
