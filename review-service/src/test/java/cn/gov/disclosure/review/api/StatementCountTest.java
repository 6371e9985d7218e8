package cn.gov.disclosure.review.api;

import static cn.gov.disclosure.review.api.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.infra.StatementCount;
import cn.gov.disclosure.infra.StatementCount.Counted;
import cn.gov.disclosure.review.cases.ETag;
import cn.gov.disclosure.review.cases.ExpectedVersion;
import cn.gov.disclosure.review.cases.ReviewCase;
import cn.gov.disclosure.review.cases.ReviewService;
import cn.gov.disclosure.review.domain.ReviewStateMachine;
import cn.gov.disclosure.support.security.Caller;
import cn.gov.disclosure.support.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * How many SQL statements the reviewers' actions cost in the review database (Hibernate's statistics, on in the test
 * profile; the outbox relay and the cleanup run SQL of their own, outside the action, and are not counted). The
 * numbers are the budget: a change that makes an action cost more fails here and has to say why.
 */
@QuarkusTest
class StatementCountTest {

    @Inject
    SessionFactory sessions;

    @Inject
    ReviewService review;

    private <T> Counted<T> count(Supplier<T> action) {
        Statistics stats = sessions.getStatistics();
        return StatementCount.of(stats::getPrepareStatementCount, stats::clear, action);
    }

    @Test
    void claimingTakesThreeStatementsAndApprovingEight() {
        int year = newYears(1);
        String id = open(ZIMAO, year, 1);
        Caller alice = new Caller("jinjiang", "晋江市审核员", Set.of(Roles.COUNTY_REVIEWER), JINJIANG);

        String etag = etag(id);
        Counted<ReviewCase> claimed = count(() -> review.act(
                alice,
                id,
                ETag.expected(etag),
                ReviewStateMachine.Command.of(ReviewStateMachine.Action.CLAIM, alice.subject())));
        Counted<ReviewCase> approved = count(() -> review.act(
                alice,
                id,
                versionOf(claimed.result()),
                new ReviewStateMachine.Command(ReviewStateMachine.Action.APPROVE, alice.subject(), "同意", List.of())));

        assertThat(approved.result().state()).isEqualTo(ReviewStateMachine.State.APPROVED);
        // claim: the case locked, the transition written (its row version moves on), the audit entry
        assertThat(claimed.statements()).as("statements of a claim").isEqualTo(3);
        // approve: the case locked, its findings and report (one lazy group), the transition, the audit entry, the
        // approved report (one upsert), next year's cases touched, the audit trail for the event, the outbox event
        assertThat(approved.statements()).as("statements of an approval").isLessThanOrEqualTo(8);
    }

    private static ExpectedVersion versionOf(ReviewCase c) {
        return ETag.expected(ETag.of(c.rowVersion()));
    }
}
