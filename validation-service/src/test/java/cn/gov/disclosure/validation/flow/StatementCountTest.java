package cn.gov.disclosure.validation.flow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.disclosure.infra.StatementCount;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * How many SQL statements consuming one report submitted costs in the validation database (Hibernate's statistics,
 * on in the test profile). The number is the budget: a change that makes it cost more fails here and says why.
 */
@QuarkusTest
class StatementCountTest {

    @Inject
    SessionFactory sessions;

    @Inject
    ValidationFlow flow;

    @Test
    void validatingASubmittedReportTakesFiveStatements() throws Exception {
        ConsumerRecords<String, String> poll = BatchConsumptionTest.poll(
                BatchConsumptionTest.record(BatchConsumptionTest.submitted("350582107-count-" + System.nanoTime())));

        Statistics stats = sessions.getStatistics();
        long statements = StatementCount.of(stats::getPrepareStatementCount, stats::clear, () -> {
                    flow.onSubmitted(poll);
                    return null;
                })
                .statements();

        // the inbox (ON CONFLICT), last year's approved report, the version's earlier result (none) and this one,
        // the outbox event
        assertThat(statements).as("statements of consuming report submitted").isLessThanOrEqualTo(5);
        stats.clear();
        flow.onSubmitted(poll);
        assertThat(stats.getPrepareStatementCount())
                .as("a redelivery: the inbox only")
                .isEqualTo(1);
    }
}
