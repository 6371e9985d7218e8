package cn.gov.disclosure.intake.store;

import cn.gov.disclosure.intake.submission.Draft;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The townships' drafts (one per organisation and year). Callers hold the transaction. */
@ApplicationScoped
public class Drafts implements PanacheRepositoryBase<StoredDraft, StoredDraft.Key> {

    public Optional<Draft> find(String organisationCode, int year) {
        return findByIdOptional(new StoredDraft.Key(organisationCode, year)).map(StoredDraft::draft);
    }

    /** Saves the draft in place of the one before. */
    public void save(Draft d) {
        StoredDraft s = findById(new StoredDraft.Key(d.organisationCode(), d.year()));
        if (s == null) {
            s = new StoredDraft();
            s.organisationCode = d.organisationCode();
            s.year = d.year();
        }
        s.report = d.report();
        s.importNotes = d.importNotes() == null ? List.of() : d.importNotes();
        s.provenance = d.provenance() == null ? List.of() : d.provenance();
        s.savedAt = d.savedAt();
        s.savedBy = d.savedBy();
        persist(s);
    }

    /** Removes the draft; returns whether there was one. */
    public boolean delete(String organisationCode, int year) {
        return deleteById(new StoredDraft.Key(organisationCode, year));
    }
}
