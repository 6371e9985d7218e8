package cn.gov.disclosure.support.store;

import cn.gov.disclosure.contracts.ContractsJson;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * How every service's JSON columns are written and read ({@code @JdbcTypeCode(SqlTypes.JSON)}: findings, reports,
 * provenance, outbox headers): with the contracts' own ObjectMapper, the one the events and the REST bodies use, so a
 * report reads back exactly as it was stored.
 *
 * <p>Every JSON column is also {@code @Mutability(Immutability.class)}: its values (the contracts' records and lists)
 * are never changed in place — a change assigns a new value — so Hibernate keeps no copy of them for dirty checking.
 * Without it Hibernate copies each value through JSON when an entity is loaded or persisted and compares the copies
 * at flush: a profile of the 10,000-report benchmark found that deep copy behind a persist costing 13 % of review's
 * CPU (BENCHMARKS.md).
 */
@JsonFormat
@PersistenceUnitExtension
public class ContractsJsonFormat implements FormatMapper {

    private final FormatMapper delegate = new JacksonJsonFormatMapper(ContractsJson.mapper());

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(json, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }
}
