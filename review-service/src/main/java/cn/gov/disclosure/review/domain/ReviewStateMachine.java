package cn.gov.disclosure.review.domain;

import cn.gov.disclosure.contracts.events.Finding;
import cn.gov.disclosure.contracts.events.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The review case's state machine, written down in this one place and enforced here (plain Java: no framework).
 *
 * <pre>
 *   (report validated, failed) ──► VALIDATION_FAILED ──────────────────────────────┐
 *   (report validated, passed) ──► AWAITING_REVIEW ◄──── release ────┐              │
 *                                      │                              │              │ supersede
 *                                      └──── claim ────► IN_REVIEW ───┤              │ (a newer version
 *                                                         │  │        │              │  of the report)
 *                                           approve ◄─────┘  └──► return             ▼
 *                                              │                     │           SUPERSEDED
 *                                              ▼                     ▼               ▲
 *                                          APPROVED              RETURNED ───────────┘
 *                                          (final)
 * </pre>
 *
 * Rules beyond the table: only the reviewer who claimed a case may release, approve or return it; returning needs a
 * non-blank comment for the township; approving a case with warnings needs an acknowledgement of each warning (by its
 * finding code and, where the warning has them, its row and column). {@code SUPERSEDE} is the system's action when a
 * newer version arrives: it ends every open case of the older versions ({@code VALIDATION_FAILED},
 * {@code AWAITING_REVIEW}, {@code IN_REVIEW}, {@code RETURNED}); an approved case is never superseded.
 * {@code WITHDRAW} is the system's action when the township withdraws the version (report withdrawn): from
 * {@code VALIDATION_FAILED}, {@code AWAITING_REVIEW} or {@code IN_REVIEW} to the final {@code WITHDRAWN}.
 */
public final class ReviewStateMachine {

    /** Where a case stands. */
    public enum State {
        VALIDATION_FAILED("校验未通过"),
        AWAITING_REVIEW("待审核"),
        IN_REVIEW("审核中"),
        APPROVED("已通过"),
        RETURNED("已退回"),
        SUPERSEDED("已被新版本取代"),
        WITHDRAWN("已被乡镇撤回");

        private final String labelZh;

        State(String labelZh) {
            this.labelZh = labelZh;
        }

        public String labelZh() {
            return labelZh;
        }

        /** No action leads anywhere from here. */
        public boolean isFinal() {
            return TABLE.get(this).isEmpty();
        }
    }

    /** What moves a case. {@link #SUPERSEDE} and {@link #WITHDRAW} come from events; the others are a reviewer's. */
    public enum Action {
        CLAIM,
        RELEASE,
        APPROVE,
        RETURN,
        SUPERSEDE,
        WITHDRAW;

        public boolean byReviewer() {
            return this != SUPERSEDE && this != WITHDRAW;
        }

        /** Only the reviewer holding the case may do this. */
        public boolean needsClaimer() {
            return this == RELEASE || this == APPROVE || this == RETURN;
        }

        /** The path segment of the API: claim, release, approve, return. */
        public String pathName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<State, Map<Action, State>> TABLE = new EnumMap<>(State.class);

    static {
        for (State s : State.values()) {
            TABLE.put(s, new EnumMap<>(Action.class));
        }
        TABLE.get(State.VALIDATION_FAILED).put(Action.SUPERSEDE, State.SUPERSEDED);
        TABLE.get(State.AWAITING_REVIEW).put(Action.CLAIM, State.IN_REVIEW);
        TABLE.get(State.AWAITING_REVIEW).put(Action.SUPERSEDE, State.SUPERSEDED);
        TABLE.get(State.IN_REVIEW).put(Action.RELEASE, State.AWAITING_REVIEW);
        TABLE.get(State.IN_REVIEW).put(Action.APPROVE, State.APPROVED);
        TABLE.get(State.IN_REVIEW).put(Action.RETURN, State.RETURNED);
        TABLE.get(State.IN_REVIEW).put(Action.SUPERSEDE, State.SUPERSEDED);
        TABLE.get(State.RETURNED).put(Action.SUPERSEDE, State.SUPERSEDED);
        // the township withdrew the version before the county decided (intake allows it until a decision)
        TABLE.get(State.VALIDATION_FAILED).put(Action.WITHDRAW, State.WITHDRAWN);
        TABLE.get(State.AWAITING_REVIEW).put(Action.WITHDRAW, State.WITHDRAWN);
        TABLE.get(State.IN_REVIEW).put(Action.WITHDRAW, State.WITHDRAWN);
        TABLE.replaceAll((s, m) -> Collections.unmodifiableMap(m));
    }

    private ReviewStateMachine() {}

    /** The state a new case starts in. */
    public static State initial(boolean passedValidation) {
        return passedValidation ? State.AWAITING_REVIEW : State.VALIDATION_FAILED;
    }

    /** Where {@code action} leads from {@code from}; empty when the table has no such transition. */
    public static Optional<State> target(State from, Action action) {
        return Optional.ofNullable(TABLE.get(from).get(action));
    }

    /** The actions the table allows from {@code from}. */
    public static Set<Action> actionsFrom(State from) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        out.addAll(TABLE.get(from).keySet());
        return out;
    }

    /** What a decision is checked against. {@code claimedBy} is the claimer's subject (null unless IN_REVIEW). */
    public record Facts(State state, String claimedBy, List<Finding> findings) {
        public Facts {
            Objects.requireNonNull(state, "state");
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /** A warning acknowledged by the reviewer, named by finding code and (where the warning has them) row and column. */
    public record Acknowledgement(String findingCode, String row, String column, String note) {
        public WarningKey key() {
            return new WarningKey(findingCode, row, column);
        }
    }

    /** Identifies a warning for acknowledging it: code, row, column (blank parts count as absent). */
    public record WarningKey(String code, String row, String column) {
        public WarningKey {
            code = blankToNull(code);
            row = blankToNull(row);
            column = blankToNull(column);
        }

        public static WarningKey of(Finding f) {
            return new WarningKey(
                    f.code(),
                    f.location() == null ? null : f.location().row(),
                    f.location() == null ? null : f.location().column());
        }

        @Override
        public String toString() {
            return code + (row == null ? "" : " row=" + row) + (column == null ? "" : " column=" + column);
        }
    }

    /** What a reviewer (or the system) asks for. {@code actor} is the token's subject. */
    public record Command(Action action, String actor, String comment, List<Acknowledgement> acknowledgements) {
        public Command {
            Objects.requireNonNull(action, "action");
            acknowledgements = acknowledgements == null ? List.of() : List.copyOf(acknowledgements);
        }

        public static Command of(Action action, String actor) {
            return new Command(action, actor, null, List.of());
        }
    }

    /**
     * An accepted transition.
     *
     * @param claimedBy        who holds the case afterwards (the claimer while IN_REVIEW, else null)
     * @param comment          the comment to record (trimmed; null when none)
     * @param acknowledgements the acknowledgements to record (one per warning key, in the order of the warnings)
     */
    public record Transition(
            Action action,
            State from,
            State to,
            String claimedBy,
            String comment,
            List<Acknowledgement> acknowledgements) {}

    /** Why a command was refused. */
    public enum Reason {
        /** The table has no transition for this action from the current state. */
        ILLEGAL_TRANSITION,
        /** The case is held by another reviewer (or by nobody) and only its claimer may do this. */
        NOT_CLAIMER,
        /** Returning needs a comment for the township. */
        COMMENT_REQUIRED,
        /** Approving needs every warning acknowledged. */
        ACKNOWLEDGEMENT_MISSING,
        /** An acknowledgement names no warning of the case. */
        ACKNOWLEDGEMENT_UNKNOWN
    }

    /** A refused command, with the current state and what is missing. */
    public static final class Rejected extends RuntimeException {
        private final Reason reason;
        private final State state;
        private final Action action;
        private final String claimedBy;
        private final List<WarningKey> keys;

        Rejected(Reason reason, Facts facts, Action action, List<WarningKey> keys) {
            super(reason + ": " + action + " from " + facts.state() + (keys.isEmpty() ? "" : " " + keys));
            this.reason = reason;
            this.state = facts.state();
            this.action = action;
            this.claimedBy = facts.claimedBy();
            this.keys = List.copyOf(keys);
        }

        public Reason reason() {
            return reason;
        }

        public State state() {
            return state;
        }

        public Action action() {
            return action;
        }

        public String claimedBy() {
            return claimedBy;
        }

        /** The warnings not acknowledged (ACKNOWLEDGEMENT_MISSING) or the acknowledgements naming none (…_UNKNOWN). */
        public List<WarningKey> keys() {
            return keys;
        }
    }

    /**
     * Checks {@code command} against the case and says where it leads.
     *
     * @throws Rejected when the table, the claim, the comment or the acknowledgements forbid it
     */
    public static Transition decide(Facts facts, Command command) {
        Action action = command.action();
        State to = target(facts.state(), action)
                .orElseThrow(() -> new Rejected(Reason.ILLEGAL_TRANSITION, facts, action, List.of()));
        if (action.needsClaimer()
                && (command.actor() == null || !command.actor().equals(facts.claimedBy()))) {
            throw new Rejected(Reason.NOT_CLAIMER, facts, action, List.of());
        }
        String comment = blankToNull(command.comment());
        comment = comment == null ? null : comment.trim();
        if (action == Action.RETURN && comment == null) {
            throw new Rejected(Reason.COMMENT_REQUIRED, facts, action, List.of());
        }
        List<Acknowledgement> recorded = List.of();
        if (action == Action.APPROVE) {
            recorded = checkAcknowledgements(facts, command);
        }
        String claimedBy =
                to == State.IN_REVIEW ? (action == Action.CLAIM ? command.actor() : facts.claimedBy()) : null;
        return new Transition(action, facts.state(), to, claimedBy, comment, recorded);
    }

    /** The reviewer actions {@code actor} could take now (comment and acknowledgements not considered). */
    public static Set<Action> allowedActions(Facts facts, String actor) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        for (Action a : actionsFrom(facts.state())) {
            if (a.byReviewer() && (!a.needsClaimer() || (actor != null && actor.equals(facts.claimedBy())))) {
                out.add(a);
            }
        }
        return out;
    }

    /** The distinct warnings of the findings that an approval must acknowledge, in the order found. */
    public static List<WarningKey> warningsToAcknowledge(List<Finding> findings) {
        Set<WarningKey> keys = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (f.severity() == Severity.WARNING) {
                keys.add(WarningKey.of(f));
            }
        }
        return List.copyOf(keys);
    }

    private static List<Acknowledgement> checkAcknowledgements(Facts facts, Command command) {
        List<WarningKey> required = warningsToAcknowledge(facts.findings());
        Map<WarningKey, Acknowledgement> given = new LinkedHashMap<>();
        List<WarningKey> unknown = new ArrayList<>();
        for (Acknowledgement a : command.acknowledgements()) {
            if (a == null) {
                continue;
            }
            WarningKey k = a.key();
            if (!required.contains(k)) {
                unknown.add(k);
            } else {
                given.putIfAbsent(k, a);
            }
        }
        List<WarningKey> missing =
                required.stream().filter(k -> !given.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new Rejected(Reason.ACKNOWLEDGEMENT_MISSING, facts, Action.APPROVE, missing);
        }
        if (!unknown.isEmpty()) {
            throw new Rejected(Reason.ACKNOWLEDGEMENT_UNKNOWN, facts, Action.APPROVE, unknown);
        }
        List<Acknowledgement> out = new ArrayList<>();
        for (WarningKey k : required) {
            Acknowledgement a = given.get(k);
            String note = blankToNull(a.note());
            out.add(new Acknowledgement(k.code(), k.row(), k.column(), note == null ? null : note.trim()));
        }
        return List.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
