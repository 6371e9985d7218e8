package cn.gov.disclosure.review.cases;

import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import java.time.OffsetDateTime;

/** One row of {@code review_case} without its report and findings (they are read when needed). */
public record ReviewCase(
        String id,
        String reportId,
        int version,
        String organisationCode,
        String organisationName,
        String countyCode,
        int year,
        State state,
        boolean passed,
        int errorCount,
        int warningCount,
        OffsetDateTime submittedAt,
        OffsetDateTime validatedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String claimedBy,
        String claimedByName,
        OffsetDateTime claimedAt,
        String decidedBy,
        String decidedByName,
        OffsetDateTime decidedAt,
        String decisionComment,
        String supersededBy,
        long rowVersion) {}
