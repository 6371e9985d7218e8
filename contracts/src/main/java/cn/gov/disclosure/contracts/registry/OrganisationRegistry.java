package cn.gov.disclosure.contracts.registry;

import cn.gov.disclosure.contracts.ContractsJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisations of the province: province → city → county → township, from {@code deploy/organisations.json}
 * (packaged on the classpath as {@code registry/organisations.json}). Decides who belongs where.
 */
public final class OrganisationRegistry {

    public enum Level {
        PROVINCE,
        CITY,
        COUNTY,
        TOWNSHIP
    }

    /**
     * An organisation of the registry.
     *
     * @param email the mailbox of its government-information-disclosure office, where the platform's reminders go
     *              (null when the registry has none: no mail is sent to it)
     */
    public record Organisation(String code, String name, String fullName, Level level, String parent, String email) {

        public Organisation(String code, String name, String fullName, Level level, String parent) {
            this(code, name, fullName, level, parent, null);
        }

        /** The name a report is expected to carry (the full official name when known). */
        public String officialName() {
            return fullName != null ? fullName : name;
        }
    }

    record File(String comment, List<Organisation> organisations) {}

    public static final String CLASSPATH_RESOURCE = "registry/organisations.json";

    private final Map<String, Organisation> byCode = new LinkedHashMap<>();

    public OrganisationRegistry(List<Organisation> organisations) {
        for (Organisation o : organisations) {
            if (byCode.put(o.code(), o) != null) {
                throw new IllegalArgumentException("Duplicate organisation code " + o.code());
            }
        }
        for (Organisation o : organisations) {
            if (o.parent() != null && !byCode.containsKey(o.parent())) {
                throw new IllegalArgumentException("Organisation " + o.code() + " has unknown parent " + o.parent());
            }
        }
    }

    /** The registry packaged with the contracts. */
    public static OrganisationRegistry load() {
        try (InputStream in = OrganisationRegistry.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + CLASSPATH_RESOURCE + " on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OrganisationRegistry load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrganisationRegistry read(InputStream in) throws IOException {
        File f = ContractsJson.mapper()
                .readerFor(File.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(in);
        return new OrganisationRegistry(f.organisations());
    }

    public Optional<Organisation> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public List<Organisation> all() {
        return List.copyOf(byCode.values());
    }

    /** The organisation and its ancestors, nearest first. */
    public List<Organisation> lineage(String code) {
        List<Organisation> out = new ArrayList<>();
        Organisation o = byCode.get(code);
        while (o != null) {
            out.add(o);
            o = o.parent() == null ? null : byCode.get(o.parent());
        }
        return out;
    }

    /** The ancestor (or the organisation itself) at {@code level}. */
    public Optional<Organisation> ancestor(String code, Level level) {
        return lineage(code).stream().filter(o -> o.level() == level).findFirst();
    }

    /** Whether {@code code} is {@code ancestorCode} or lies beneath it. */
    public boolean isWithin(String code, String ancestorCode) {
        return lineage(code).stream().anyMatch(o -> o.code().equals(ancestorCode));
    }

    /** The townships of a county (or of any ancestor). */
    public List<Organisation> townshipsWithin(String ancestorCode) {
        return byCode.values().stream()
                .filter(o -> o.level() == Level.TOWNSHIP && isWithin(o.code(), ancestorCode))
                .toList();
    }
}
