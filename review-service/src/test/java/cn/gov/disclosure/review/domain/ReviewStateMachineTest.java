package cn.gov.disclosure.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Location;
import cn.gov.disclosure.contracts.events.Severity;
import cn.gov.disclosure.contracts.model.SectionKey;
import cn.gov.disclosure.review.domain.ReviewStateMachine.Acknowledgement;
import cn.gov.disclosure.review.domain.ReviewStateMachine.Action;
import cn.gov.disclosure.review.domain.ReviewStateMachine.Command;
import cn.gov.disclosure.review.domain.ReviewStateMachine.Facts;
import cn.gov.disclosure.review.domain.ReviewStateMachine.Reason;
import cn.gov.disclosure.review.domain.ReviewStateMachine.Rejected;
import cn.gov.disclosure.review.domain.ReviewStateMachine.State;
import cn.gov.disclosure.review.domain.ReviewStateMachine.Transition;
import cn.gov.disclosure.review.domain.ReviewStateMachine.WarningKey;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The state machine without Quarkus: every (state, action) pair, the claim, the comment, the acknowledgements. */
class ReviewStateMachineTest {

    private static final String ALICE = "alice";
    private static final String BOB = "bob";

    /** The legal transitions, written out independently of the class under test. */
    private static final Map<State, Map<Action, State>> LEGAL = Map.of(
            State.VALIDATION_FAILED, Map.of(Action.SUPERSEDE, State.SUPERSEDED, Action.WITHDRAW, State.WITHDRAWN),
            State.AWAITING_REVIEW,
                    Map.of(
                            Action.CLAIM,
                            State.IN_REVIEW,
                            Action.SUPERSEDE,
                            State.SUPERSEDED,
                            Action.WITHDRAW,
                            State.WITHDRAWN),
            State.IN_REVIEW,
                    Map.of(
                            Action.RELEASE,
                            State.AWAITING_REVIEW,
                            Action.APPROVE,
                            State.APPROVED,
                            Action.RETURN,
                            State.RETURNED,
                            Action.SUPERSEDE,
                            State.SUPERSEDED,
                            Action.WITHDRAW,
                            State.WITHDRAWN),
            State.RETURNED, Map.of(Action.SUPERSEDE, State.SUPERSEDED),
            State.APPROVED, Map.of(),
            State.SUPERSEDED, Map.of(),
            State.WITHDRAWN, Map.of());

    static Stream<Arguments> everyPair() {
        return Arrays.stream(State.values())
                .flatMap(s -> Arrays.stream(Action.values()).map(a -> Arguments.of(s, a)));
    }

    /** A command that passes every rule but the table's, for the given state and action. */
    private static Transition tryIt(State state, Action action) {
        String holder = state == State.IN_REVIEW ? ALICE : null;
        return ReviewStateMachine.decide(
                new Facts(state, holder, List.of()), new Command(action, ALICE, "请补充信息处理费说明", List.of()));
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyPair")
    void everyStateAndActionIsLegalExactlyWhenTheTableSaysSo(State state, Action action) {
        State expected = LEGAL.get(state).get(action);
        assertThat(ReviewStateMachine.target(state, action)).as("table").isEqualTo(Optional.ofNullable(expected));
        if (expected != null) {
            Transition t = tryIt(state, action);
            assertThat(t.from()).isEqualTo(state);
            assertThat(t.to()).isEqualTo(expected);
            assertThat(t.action()).isEqualTo(action);
        } else {
            assertThatThrownBy(() -> tryIt(state, action)).isInstanceOfSatisfying(Rejected.class, r -> {
                assertThat(r.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION);
                assertThat(r.state()).isEqualTo(state);
                assertThat(r.action()).isEqualTo(action);
            });
        }
    }

    @Test
    void aCaseStartsAwaitingReviewOrFailed() {
        assertThat(ReviewStateMachine.initial(true)).isEqualTo(State.AWAITING_REVIEW);
        assertThat(ReviewStateMachine.initial(false)).isEqualTo(State.VALIDATION_FAILED);
    }

    @Test
    void approvedSupersededAndWithdrawnAreFinalAndNothingElseIs() {
        assertThat(EnumSet.allOf(State.class).stream().filter(State::isFinal))
                .containsExactlyInAnyOrder(State.APPROVED, State.SUPERSEDED, State.WITHDRAWN);
    }

    @Test
    void claimingHandsTheCaseToTheClaimerAndReleasingHandsItBack() {
        Transition claim = ReviewStateMachine.decide(
                new Facts(State.AWAITING_REVIEW, null, List.of()), Command.of(Action.CLAIM, ALICE));
        assertThat(claim.to()).isEqualTo(State.IN_REVIEW);
        assertThat(claim.claimedBy()).isEqualTo(ALICE);

        Transition release = ReviewStateMachine.decide(
                new Facts(State.IN_REVIEW, ALICE, List.of()), Command.of(Action.RELEASE, ALICE));
        assertThat(release.to()).isEqualTo(State.AWAITING_REVIEW);
        assertThat(release.claimedBy()).isNull();
    }

    @Test
    void theWholeLifeOfACaseAlongEveryPath() {
        Facts f = new Facts(State.AWAITING_REVIEW, null, List.of());
        Transition t = ReviewStateMachine.decide(f, Command.of(Action.CLAIM, ALICE));
        t = ReviewStateMachine.decide(new Facts(t.to(), t.claimedBy(), List.of()), Command.of(Action.RELEASE, ALICE));
        t = ReviewStateMachine.decide(new Facts(t.to(), t.claimedBy(), List.of()), Command.of(Action.CLAIM, BOB));
        t = ReviewStateMachine.decide(
                new Facts(t.to(), t.claimedBy(), List.of()), new Command(Action.RETURN, BOB, "表三合计有误", List.of()));
        assertThat(t.to()).isEqualTo(State.RETURNED);
        t = ReviewStateMachine.decide(
                new Facts(t.to(), t.claimedBy(), List.of()), Command.of(Action.SUPERSEDE, "system"));
        assertThat(t.to()).isEqualTo(State.SUPERSEDED);

        Transition approve = ReviewStateMachine.decide(
                new Facts(State.IN_REVIEW, ALICE, List.of()), Command.of(Action.APPROVE, ALICE));
        assertThat(approve.to()).isEqualTo(State.APPROVED);
        assertThat(approve.claimedBy()).isNull();
    }

    @Test
    void onlyTheClaimerMayReleaseApproveOrReturn() {
        for (Action a : List.of(Action.RELEASE, Action.APPROVE, Action.RETURN)) {
            assertThatThrownBy(() -> ReviewStateMachine.decide(
                            new Facts(State.IN_REVIEW, ALICE, List.of()), new Command(a, BOB, "意见", List.of())))
                    .isInstanceOfSatisfying(Rejected.class, r -> {
                        assertThat(r.reason()).isEqualTo(Reason.NOT_CLAIMER);
                        assertThat(r.claimedBy()).isEqualTo(ALICE);
                        assertThat(r.state()).isEqualTo(State.IN_REVIEW);
                    });
            assertThatThrownBy(() -> ReviewStateMachine.decide(
                            new Facts(State.IN_REVIEW, ALICE, List.of()), new Command(a, null, "意见", List.of())))
                    .isInstanceOfSatisfying(
                            Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.NOT_CLAIMER));
        }
        // a claimed case cannot be claimed again, not even by its claimer
        assertThatThrownBy(() -> ReviewStateMachine.decide(
                        new Facts(State.IN_REVIEW, ALICE, List.of()), Command.of(Action.CLAIM, BOB)))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION));
        assertThatThrownBy(() -> ReviewStateMachine.decide(
                        new Facts(State.IN_REVIEW, ALICE, List.of()), Command.of(Action.CLAIM, ALICE)))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION));
    }

    @Test
    void returningNeedsAComment() {
        Facts f = new Facts(State.IN_REVIEW, ALICE, List.of());
        for (String blank : new String[] {null, "", "   \n\t"}) {
            assertThatThrownBy(() -> ReviewStateMachine.decide(f, new Command(Action.RETURN, ALICE, blank, List.of())))
                    .isInstanceOfSatisfying(
                            Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.COMMENT_REQUIRED));
        }
        Transition t = ReviewStateMachine.decide(f, new Command(Action.RETURN, ALICE, "  请补充第六部分  ", List.of()));
        assertThat(t.comment()).isEqualTo("请补充第六部分");
    }

    private static final Finding RULES = new Finding(
            "RULES-AT-TOWNSHIP",
            Severity.WARNING,
            Location.cell(SectionKey.ACTIVE_DISCLOSURE, 2, "rules", "issued"),
            null,
            null,
            "乡镇制发规章",
            "rules at township");
    private static final Finding FEES = new Finding(
            "FEES-NOT-STATED",
            Severity.WARNING,
            Location.section(SectionKey.OTHER_MATTERS),
            null,
            null,
            "未说明信息处理费",
            "fees not stated");
    private static final Finding FEES_AGAIN = new Finding(
            "FEES-NOT-STATED",
            Severity.WARNING,
            Location.sentence(SectionKey.OTHER_MATTERS, "另一句"),
            null,
            null,
            "未说明信息处理费",
            "fees not stated");
    private static final Finding INFO = new Finding(
            "PREV-YEAR-UNAVAILABLE", Severity.INFO, Location.report(), null, null, "无上年报告", "no previous year");
    private static final Finding NO_LOCATION =
            new Finding("NARRATIVE-NUMBER", Severity.WARNING, null, null, null, "正文数字不符", "narrative number");

    @Test
    void approvingAReportWithWarningsNeedsEachAcknowledged() {
        Facts f = new Facts(State.IN_REVIEW, ALICE, List.of(RULES, FEES, FEES_AGAIN, INFO, NO_LOCATION));
        assertThat(ReviewStateMachine.warningsToAcknowledge(f.findings()))
                .containsExactly(
                        new WarningKey("RULES-AT-TOWNSHIP", "rules", "issued"),
                        new WarningKey("FEES-NOT-STATED", null, null),
                        new WarningKey("NARRATIVE-NUMBER", null, null));

        assertThatThrownBy(() -> ReviewStateMachine.decide(f, Command.of(Action.APPROVE, ALICE)))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.ACKNOWLEDGEMENT_MISSING);
                    assertThat(r.keys()).hasSize(3);
                });
        // the right code with the wrong row does not count
        assertThatThrownBy(() -> ReviewStateMachine.decide(
                        f,
                        new Command(
                                Action.APPROVE,
                                ALICE,
                                null,
                                List.of(
                                        new Acknowledgement("RULES-AT-TOWNSHIP", "regulations", "issued", null),
                                        new Acknowledgement("FEES-NOT-STATED", null, null, null),
                                        new Acknowledgement("NARRATIVE-NUMBER", "", " ", null)))))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.ACKNOWLEDGEMENT_MISSING);
                    assertThat(r.keys()).containsExactly(new WarningKey("RULES-AT-TOWNSHIP", "rules", "issued"));
                });

        Transition t = ReviewStateMachine.decide(
                f,
                new Command(
                        Action.APPROVE,
                        ALICE,
                        null,
                        List.of(
                                new Acknowledgement("NARRATIVE-NUMBER", null, null, null),
                                new Acknowledgement("FEES-NOT-STATED", null, null, " 乡镇未收费 "),
                                new Acknowledgement("RULES-AT-TOWNSHIP", "rules", "issued", "已核实为规范性文件"),
                                new Acknowledgement("FEES-NOT-STATED", null, null, "duplicate is harmless"))));
        assertThat(t.to()).isEqualTo(State.APPROVED);
        assertThat(t.acknowledgements())
                .containsExactly(
                        new Acknowledgement("RULES-AT-TOWNSHIP", "rules", "issued", "已核实为规范性文件"),
                        new Acknowledgement("FEES-NOT-STATED", null, null, "乡镇未收费"),
                        new Acknowledgement("NARRATIVE-NUMBER", null, null, null));
    }

    @Test
    void anAcknowledgementOfNoWarningIsRefused() {
        Facts f = new Facts(State.IN_REVIEW, ALICE, List.of(FEES, INFO));
        assertThatThrownBy(() -> ReviewStateMachine.decide(
                        f,
                        new Command(
                                Action.APPROVE,
                                ALICE,
                                null,
                                List.of(
                                        new Acknowledgement("FEES-NOT-STATED", null, null, null),
                                        new Acknowledgement("PREV-YEAR-UNAVAILABLE", null, null, null)))))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.ACKNOWLEDGEMENT_UNKNOWN);
                    assertThat(r.keys()).containsExactly(new WarningKey("PREV-YEAR-UNAVAILABLE", null, null));
                });
    }

    @Test
    void infoFindingsNeedNoAcknowledgement() {
        Transition t = ReviewStateMachine.decide(
                new Facts(State.IN_REVIEW, ALICE, List.of(INFO)), Command.of(Action.APPROVE, ALICE));
        assertThat(t.to()).isEqualTo(State.APPROVED);
        assertThat(t.acknowledgements()).isEmpty();
    }

    @Test
    void theTableIsCheckedBeforeTheClaimAndTheClaimBeforeTheBody() {
        // approving an awaiting case: illegal, whatever the body says
        assertThatThrownBy(() -> ReviewStateMachine.decide(
                        new Facts(State.AWAITING_REVIEW, null, List.of(FEES)), Command.of(Action.APPROVE, ALICE)))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION));
        // returning someone else's case without a comment: not the claimer first
        assertThatThrownBy(() -> ReviewStateMachine.decide(
                        new Facts(State.IN_REVIEW, ALICE, List.of()), new Command(Action.RETURN, BOB, null, List.of())))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.NOT_CLAIMER));
    }

    @Test
    void theAllowedActionsAreWhatTheCallerCouldDo() {
        assertThat(ReviewStateMachine.allowedActions(new Facts(State.AWAITING_REVIEW, null, List.of()), ALICE))
                .containsExactly(Action.CLAIM);
        assertThat(ReviewStateMachine.allowedActions(new Facts(State.IN_REVIEW, ALICE, List.of()), ALICE))
                .containsExactlyInAnyOrder(Action.RELEASE, Action.APPROVE, Action.RETURN);
        assertThat(ReviewStateMachine.allowedActions(new Facts(State.IN_REVIEW, ALICE, List.of()), BOB))
                .isEmpty();
        for (State s : List.of(State.VALIDATION_FAILED, State.APPROVED, State.RETURNED, State.SUPERSEDED)) {
            assertThat(ReviewStateMachine.allowedActions(new Facts(s, null, List.of()), ALICE))
                    .as(s.name())
                    .isEmpty();
        }
    }
}
