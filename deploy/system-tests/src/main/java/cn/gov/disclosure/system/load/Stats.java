package cn.gov.disclosure.system.load;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of durations in milliseconds. */
public record Stats(int count, double p50, double p95, double p99, double max, double mean) {

    public static Stats of(Collection<Double> millis) {
        double[] v = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return of(v);
    }

    public static Stats of(double[] sorted) {
        double[] v = sorted.clone();
        Arrays.sort(v);
        if (v.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Stats(
                v.length,
                at(v, 0.50),
                at(v, 0.95),
                at(v, 0.99),
                v[v.length - 1],
                Arrays.stream(v).average().orElse(0));
    }

    private static double at(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** One markdown table row: | name | n | p50 | p95 | p99 | max | (ms). */
    public String row(String name) {
        return String.format("| %s | %d | %s | %s | %s | %s |", name, count, ms(p50), ms(p95), ms(p99), ms(max));
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 10_000 ? String.format("%.1f s", v / 1000) : String.format("%.0f ms", v);
    }
}
