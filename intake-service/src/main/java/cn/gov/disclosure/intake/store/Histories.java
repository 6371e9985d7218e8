package cn.gov.disclosure.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** The history loads: the current history of an organisation's year, and every load of a year for the province. */
@ApplicationScoped
public class Histories implements PanacheRepositoryBase<StoredHistory, Long> {

    /** The organisation's current history of the year (IMPORTED), locked: a new load replaces it. */
    public Optional<StoredHistory> currentForUpdate(String organisationCode, int year) {
        return find(
                        "organisationCode = ?1 and year = ?2 and status = ?3",
                        organisationCode,
                        year,
                        StoredHistory.Status.IMPORTED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<StoredHistory> current(String organisationCode, int year) {
        return find(
                        "organisationCode = ?1 and year = ?2 and status = ?3",
                        organisationCode,
                        year,
                        StoredHistory.Status.IMPORTED)
                .firstResultOptional();
    }

    /** Every load of a year, newest first (the document itself is not read). */
    public List<StoredHistory> ofYear(int year) {
        return list("year", Sort.by("importedAt").descending().and("id").descending(), year);
    }
}
