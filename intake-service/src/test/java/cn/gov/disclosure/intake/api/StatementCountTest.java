package cn.gov.disclosure.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.contracts.ContractsJson;
import cn.gov.disclosure.contracts.model.AnnualReport;
import cn.gov.disclosure.infra.StatementCount;
import cn.gov.disclosure.intake.submission.SubmissionService;
import cn.gov.disclosure.intake.submission.SubmissionSource;
import cn.gov.disclosure.support.security.Caller;
import cn.gov.disclosure.support.security.Roles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * How many SQL statements a submission costs in the intake database (Hibernate's statistics, on in the test profile;
 * the outbox relay runs SQL of its own after the commit and is not counted). The number is the budget: a change that
 * makes a submission cost more fails here and has to say why.
 */
@QuarkusTest
class StatementCountTest {

    @Inject
    SessionFactory sessions;

    @Inject
    SubmissionService submissions;

    @Test
    void aFirstSubmissionWithAnIdempotencyKeyTakesEightStatements() throws Exception {
        ObjectNode tree = (ObjectNode) ContractsJson.mapper().readTree(Townships.seedAs(0, "晋江市金井镇人民政府", ""));
        tree.put("year", 2019);
        AnnualReport report = ContractsJson.mapper().treeToValue(tree, AnnualReport.class);
        Caller clerk = new Caller("jinjing", "金井镇填报员", Set.of(Roles.TOWNSHIP_SUBMITTER), Townships.JINJING);

        Statistics stats = sessions.getStatistics();
        StatementCount.Counted<SubmissionService.Receipt> counted = StatementCount.of(
                stats::getPrepareStatementCount,
                stats::clear,
                () -> submissions.submit(
                        clerk, report, SubmissionSource.JSON, List.of(), "count-" + System.nanoTime()));
        SubmissionService.Receipt receipt = counted.result();
        long statements = counted.statements();

        assertThat(receipt.version()).isEqualTo(1);
        // the idempotency key looked up; the report's row created if absent (ON CONFLICT) and locked; the version
        // inserted and the report's latest version written; the key remembered (ON CONFLICT); the draft looked up
        // (none to delete); the outbox event
        assertThat(statements).as("statements of a first submission").isLessThanOrEqualTo(8);
    }
}
