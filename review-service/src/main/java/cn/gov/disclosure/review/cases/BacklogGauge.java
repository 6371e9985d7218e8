package cn.gov.disclosure.review.cases;

import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import cn.gov.disclosure.review.store.Cases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * The review backlog for operators: {@code annual_report_review_open_cases{county, state}}, the cases awaiting or in
 * review per county, counted every 30 s (one grouped query).
 */
@ApplicationScoped
public class BacklogGauge {

    private final Cases cases;
    private final MultiGauge gauge;

    public BacklogGauge(Cases cases, MeterRegistry registry) {
        this.cases = cases;
        this.gauge = MultiGauge.builder("annual_report.review.open_cases")
                .description("cases awaiting or in review, per county")
                .register(registry);
    }

    @Scheduled(every = "30s", delayed = "5s")
    @Transactional
    void count() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        cases.openByCounty()
                .forEach(c -> rows.add(MultiGauge.Row.of(
                        Tags.of(
                                "county",
                                c.countyCode() == null ? "" : c.countyCode(),
                                "state",
                                c.state().name()),
                        c.count())));
        if (rows.isEmpty()) {
            rows.add(MultiGauge.Row.of(Tags.of("county", "", "state", State.AWAITING_REVIEW.name()), 0));
        }
        gauge.register(rows, true);
    }
}
