package cn.gov.disclosure.review.store;

import cn.gov.disclosure.review.reminders.Reminders;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The reminders to send. Native SQL where PostgreSQL is the point: {@code ON CONFLICT (reason_key) DO NOTHING} stores a
 * reason once however many runs or replicas find it; {@code FOR UPDATE SKIP LOCKED} gives each relay its own mails.
 */
@ApplicationScoped
public class MailOutbox implements PanacheRepositoryBase<OutgoingMail, Long> {

    /** Stores the mail unless its reason was stored before; true when stored now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(Reminders.Mail mail) {
        return getEntityManager()
                        .createNativeQuery(
                                "INSERT INTO mail_outbox (reason_key, recipients, subject, body) VALUES (?1, ?2, ?3, ?4)"
                                        + " ON CONFLICT (reason_key) DO NOTHING")
                        .setParameter(1, mail.reasonKey())
                        .setParameter(2, String.join(",", mail.to()))
                        .setParameter(3, mail.subject())
                        .setParameter(4, mail.body())
                        .executeUpdate()
                == 1;
    }

    /** Up to {@code limit} mails not sent yet (and not given up), locked for this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OutgoingMail> claimUnsent(int limit, int maxAttempts) {
        @SuppressWarnings("unchecked")
        List<OutgoingMail> mails = getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM mail_outbox WHERE sent_at IS NULL AND attempts < ?1 ORDER BY id LIMIT ?2"
                                + " FOR UPDATE SKIP LOCKED",
                        OutgoingMail.class)
                .setParameter(1, maxAttempts)
                .setParameter(2, limit)
                .getResultList();
        return mails;
    }
}
