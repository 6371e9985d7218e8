package cn.gov.disclosure.system.load;

import cn.gov.disclosure.contracts.registry.OrganisationRegistry.Level;
import cn.gov.disclosure.contracts.registry.OrganisationRegistry.Organisation;
import cn.gov.disclosure.system.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An organisation registry of the size of the whole country, for load runs: one province (code 990000, 基准测试省),
 * cities of up to 10 counties, counties of up to 999 townships, codes shaped as GB/T 2260 (county: six digits;
 * township: county + three), Chinese names. The services read it through {@code registry.file}.
 */
public final class SyntheticProvince {

    public static final String PROVINCE = "990000";
    private static final String CHARS = "安平新和兴福龙山河东西南北城关桥湖田石青云泉德永宁华阳金水林丰盛长乐清花园溪庄";

    /** A township of the synthetic province. */
    public record Township(String code, String name, String countyCode) {}

    private final List<Organisation> organisations = new ArrayList<>();
    private final List<Township> townships = new ArrayList<>();

    /** A province with at least {@code townships} townships (999 per county). */
    public SyntheticProvince(int townshipCount) {
        organisations.add(new Organisation(PROVINCE, "基准测试省", null, Level.PROVINCE, null));
        int counties = Math.max(1, (townshipCount + 998) / 999);
        for (int k = 0; k < counties; k++) {
            String city = "99" + String.format("%02d", k / 10 + 1) + "00";
            if (k % 10 == 0) {
                organisations.add(new Organisation(city, name(k / 10, 0) + "市", null, Level.CITY, PROVINCE));
            }
            String county = city.substring(0, 4) + String.format("%02d", k % 10 + 1);
            String countyName = name(k, 7) + "县";
            organisations.add(new Organisation(county, countyName, null, Level.COUNTY, city));
            for (int t = 1; t <= 999 && townships.size() < townshipCount; t++) {
                String code = county + String.format("%03d", t);
                String name = name(t, 3) + (t % 7 == 0 ? "乡" : "镇");
                organisations.add(new Organisation(code, name, countyName + name + "人民政府", Level.TOWNSHIP, county));
                townships.add(new Township(code, countyName + name + "人民政府", county));
            }
        }
    }

    /** Two characters for index i (distinct for i below 45²). */
    private static String name(int i, int shift) {
        int n = CHARS.length();
        return "" + CHARS.charAt((i + shift) % n) + CHARS.charAt(((i + shift) / n) % n);
    }

    public List<Township> townships() {
        return townships;
    }

    /** Writes the registry file the services read ({@code registry.file}). */
    public Path write(Path file) {
        return write(file, null);
    }

    /** Writes the registry file, with the organisations of {@code base} (a registry file, e.g. deploy's) first. */
    public Path write(Path file, Path base) {
        try {
            List<Object> all = new ArrayList<>();
            if (base != null) {
                Http.JSON.readTree(base.toFile()).path("organisations").forEach(all::add);
            }
            all.addAll(organisations);
            Files.createDirectories(file.getParent());
            Http.JSON
                    .writerWithDefaultPrettyPrinter()
                    .writeValue(
                            file.toFile(),
                            Map.of(
                                    "comment",
                                    "A synthetic province for load runs (deploy/system-tests SyntheticProvince)",
                                    "organisations",
                                    all));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
