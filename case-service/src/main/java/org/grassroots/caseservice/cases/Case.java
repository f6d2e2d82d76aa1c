package org.grassroots.caseservice.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.grassroots.caseservice.cases.StageClock.Stage;
import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryLimits;
import org.grassroots.caseservice.intake.Placement;
import org.grassroots.caseservice.sla.SlaClock;
import org.grassroots.caseservice.sla.Threshold;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AttachmentStage;
import org.grassroots.contracts.cases.CaseAttachmentsAdded;
import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseCancelled;
import org.grassroots.contracts.cases.CaseClaimed;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseDepartmentReportedIn;
import org.grassroots.contracts.cases.CaseDispatched;
import org.grassroots.contracts.cases.CaseEscalated;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseExtended;
import org.grassroots.contracts.cases.CaseFacts;
import org.grassroots.contracts.cases.CaseLocated;
import org.grassroots.contracts.cases.CaseOverdue;
import org.grassroots.contracts.cases.CaseParked;
import org.grassroots.contracts.cases.CasePaused;
import org.grassroots.contracts.cases.CaseReopened;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseResolved;
import org.grassroots.contracts.cases.CaseResumed;
import org.grassroots.contracts.cases.CaseReturned;
import org.grassroots.contracts.cases.CaseSlaWarning;
import org.grassroots.contracts.cases.CaseSupervised;
import org.grassroots.contracts.cases.CaseTakenUp;
import org.grassroots.contracts.cases.CaseVerified;
import org.grassroots.contracts.cases.CaseWhistled;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.Deadlines;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.contracts.cases.ReopenCause;
import org.grassroots.contracts.cases.SlaStage;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;

/**
 * A resident's complaint or need (诉求), from report to closure. The aggregate owns its rules:
 * each command checks the state against {@link CaseCommand}, moves the case on, records a line
 * of its history and returns the events the change produced. Every event advances the version
 * by one, so the events of one case carry the versions 1, 2, 3… without gaps.
 *
 * <p>Time limits: the case takes its category's limits when it is reported (the emergency tier if
 * reported as an emergency) and keeps one {@link StageClock} per stage:
 * <ul>
 *   <li>RESPOND starts at accept and stops at claim; a dispatch after a return or a reopen starts
 *       it again from the dispatch and clears RESOLVE and VERIFY, which start again later;</li>
 *   <li>RESOLVE starts at claim and stops at resolve;</li>
 *   <li>VERIFY starts at resolve and stops at the on-site check.</li>
 * </ul>
 * Every event from accept on carries the deadlines of the stages started so far in
 * {@link CaseFacts#deadlines()}. The case is closed on time when every stage stopped no later
 * than its deadline.
 */
public final class Case {

    private final String id;
    private final String number;
    private final String categoryCode;
    private final String categoryName;
    private final String description;
    private GeoPoint location;
    private String locationDescription;
    private final Channel channel;
    private final String reporterId;
    private String orgPath;
    private HandlingLevel level;
    private final Instant reportedAt;
    private final List<CaseHistoryEntry> history;
    private final boolean emergency;
    private final WorkingCalendar calendar;
    private final List<StageClock> clocks;
    private CaseStatus status;
    private Assignee assignee;
    private long version;
    private Placement placement;
    private String possibleDuplicateOf;
    private String externalId;
    private boolean supervised;
    private boolean overdue;
    private final List<Summons> summons = new ArrayList<>();
    private final List<String> reworkRatings = new ArrayList<>();
    private final List<CasePhoto> photos = new ArrayList<>();

    Case(String id, String number, String categoryCode, String categoryName, String description, GeoPoint location,
            String locationDescription, Channel channel, String reporterId, String orgPath, HandlingLevel level,
            CaseStatus status, Instant reportedAt, long version, Assignee assignee, List<CaseHistoryEntry> history,
            boolean emergency, List<StageClock> clocks, WorkingCalendar calendar) {
        this.id = Objects.requireNonNull(id, "id");
        this.number = Objects.requireNonNull(number, "number");
        this.categoryCode = Objects.requireNonNull(categoryCode, "categoryCode");
        this.categoryName = categoryName;
        this.description = Objects.requireNonNull(description, "description");
        this.location = location;
        this.locationDescription = locationDescription;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.reporterId = Objects.requireNonNull(reporterId, "reporterId");
        this.orgPath = Objects.requireNonNull(orgPath, "orgPath");
        this.level = Objects.requireNonNull(level, "level");
        this.status = Objects.requireNonNull(status, "status");
        this.reportedAt = Objects.requireNonNull(reportedAt, "reportedAt");
        this.version = version;
        this.assignee = assignee;
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.emergency = emergency;
        this.clocks = new ArrayList<>(clocks == null ? List.of() : clocks);
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * A new report (上报) enters the platform: the case starts at version 1 in {@code REPORTED}, at
     * the handling level its category starts at, with the category's time limits (its emergency
     * tier for an emergency; a category without one refuses an emergency report on {@code emergency}).
     * The clocks count working time on {@code calendar}. Without intake details the case is unlocated.
     */
    public static Reported report(NewReport report, Category category, String id, String number, Instant now,
            WorkingCalendar calendar) {
        return report(report, IntakeDetails.NONE, category, id, number, now, calendar);
    }

    /**
     * The same, with what intake found out: the grid the point lies in (its org path then is the
     * case's, see {@link NewReport#orgPath}), an open case nearby it may duplicate, and the
     * hotline's own id for a 12345 case.
     */
    public static Reported report(NewReport report, IntakeDetails intake, Category category, String id,
            String number, Instant now, WorkingCalendar calendar) {
        if (!category.code().equals(report.categoryCode())) {
            throw new IllegalArgumentException("Report of " + report.categoryCode() + " filed under " + category.code());
        }
        if (report.emergency() && !category.hasEmergencyTier()) {
            throw new InvalidFieldException("emergency",
                    "cannot be true: category " + category.code() + " has no emergency time limits");
        }
        CategoryLimits limits = category.limitsFor(report.emergency());
        List<StageClock> clocks = List.of(StageClock.notStarted(Stage.RESPOND, limits.respond()),
                StageClock.notStarted(Stage.RESOLVE, limits.resolve()),
                StageClock.notStarted(Stage.VERIFY, limits.verify()));
        Case reported = new Case(id, number, category.code(), category.name(), report.description(),
                report.location(), report.locationDescription(), report.channel(), report.reporterId(),
                report.orgPath(), category.startingLevel(), CaseStatus.REPORTED, now, 1, null, List.of(),
                report.emergency(), clocks, calendar);
        reported.placement = intake.placement();
        reported.possibleDuplicateOf = intake.possibleDuplicateOf();
        reported.externalId = intake.externalId();
        reported.history.add(new CaseHistoryEntry(1, CaseHistoryEntry.REPORTED, null, CaseStatus.REPORTED, null, now,
                null));
        return new Reported(reported, new CaseReported(id, 1, reported.orgPath, now, reported.facts(),
                reported.possibleDuplicateOf, reported.staffReporterId()));
    }

    /** Restores what a stored case knows beyond its workflow state. */
    void restore(Placement placement, String possibleDuplicateOf, String externalId, boolean supervised,
            boolean overdue, List<Summons> summons, List<String> reworkRatings) {
        this.placement = placement;
        this.possibleDuplicateOf = possibleDuplicateOf;
        this.externalId = externalId;
        this.supervised = supervised;
        this.overdue = overdue;
        this.summons.clear();
        if (summons != null) {
            this.summons.addAll(summons);
        }
        this.reworkRatings.clear();
        if (reworkRatings != null) {
            this.reworkRatings.addAll(reworkRatings);
        }
    }

    /**
     * The reporter's user id when they reported in the line of duty (a grid worker or a part-time
     * grid worker such as a courier), so their points can follow; null for residents and the hotline.
     */
    String staffReporterId() {
        return channel == Channel.GRID_WORKER || channel == Channel.PART_TIME_WORKER ? reporterId : null;
    }

    /** What events say about the case: no personal data of the reporter. */
    public CaseFacts facts() {
        return new CaseFacts(id, number, categoryCode, categoryName, level, status, emergency, channel, location,
                locationDescription, gridCode(), communityId(), streetId(), assignee, deadlines());
    }

    /** The deadlines of the stages started so far, or null before the first one starts (at accept). */
    public Deadlines deadlines() {
        Instant respondBy = deadlineOf(Stage.RESPOND);
        Instant resolveBy = deadlineOf(Stage.RESOLVE);
        Instant verifyBy = deadlineOf(Stage.VERIFY);
        if (respondBy == null && resolveBy == null && verifyBy == null) {
            return null;
        }
        return new Deadlines(respondBy, resolveBy, verifyBy);
    }

    /**
     * When the case is expected to be resolved (Open311's {@code expected_datetime}): the resolve
     * deadline once the case is claimed; before that, an estimate of the resolve limit counted from
     * the respond deadline, as if the assignee claimed it at the last moment; null before accept.
     */
    public Instant expectedCompletion() {
        Instant resolveBy = deadlineOf(Stage.RESOLVE);
        if (resolveBy != null) {
            return resolveBy;
        }
        Instant respondBy = deadlineOf(Stage.RESPOND);
        if (respondBy == null) {
            return null;
        }
        return clock(Stage.RESOLVE).map(resolve -> resolve.start(respondBy).deadline(calendar)).orElse(null);
    }

    /** Each stage's time limit as it stands at {@code now}: respond, resolve, verify. */
    public List<StageStatus> stages(Instant now) {
        return clocks.stream().map(stageClock -> stageClock.status(calendar, now)).toList();
    }

    /**
     * The stage whose time limit runs now, as it stands at {@code now} (when it started, when it is
     * due, how much is used), or empty when none runs (before accept, after the on-site check, parked,
     * cancelled). Lists colour a case's deadline from this without reading its history.
     */
    public Optional<StageStatus> currentStage(Instant now) {
        return runningClock().map(stageClock -> stageClock.status(calendar, now));
    }

    /** Whether every stage stopped no later than its deadline. */
    boolean everyStageInTime() {
        return Stage.values().length == clocks.size()
                && clocks.stream().allMatch(stageClock -> stageClock.stoppedInTime(calendar));
    }

    private Instant deadlineOf(Stage stage) {
        return clock(stage).map(stageClock -> stageClock.deadline(calendar)).orElse(null);
    }

    private Optional<StageClock> clock(Stage stage) {
        return clocks.stream().filter(stageClock -> stageClock.stage() == stage).findFirst();
    }

    private void startClock(Stage stage, Instant at) {
        clocks.replaceAll(stageClock -> stageClock.stage() == stage ? stageClock.start(at) : stageClock);
    }

    private void stopClock(Stage stage, Instant at) {
        clocks.replaceAll(stageClock -> stageClock.stage() == stage ? stageClock.stop(at) : stageClock);
    }

    /** 立案: the community finds the report a valid case. */
    public CaseAccepted accept(String by, String note, Instant now) {
        long at = move(CaseCommand.ACCEPT, by, note, now);
        startClock(Stage.RESPOND, now);
        return new CaseAccepted(id, at, orgPath, now, facts(), by);
    }

    /** 注销: the report is not a valid case. */
    public CaseCancelled cancel(String by, String reason, Instant now) {
        requireText(reason, "reason", "is required to cancel a case");
        long at = move(CaseCommand.CANCEL, by, reason, now);
        stopRunningClock(now);
        return new CaseCancelled(id, at, orgPath, now, facts(), by, reason);
    }

    /** 派单: to a department, a party member or a grid worker. */
    public CaseDispatched dispatch(Assignee to, String by, String note, Instant now) {
        Objects.requireNonNull(to, "assignee");
        CaseStatus before = status;
        CaseCommand.DISPATCH.from(before);
        if (before == CaseStatus.RETURNED || before == CaseStatus.REOPENED) {
            // Dispatched again: the new assignee gets the full respond limit, and the later stages start over.
            startClock(Stage.RESPOND, now);
            clocks.replaceAll(stageClock -> stageClock.stage() == Stage.RESPOND ? stageClock : stageClock.clear());
        }
        assignee = to;
        long at = move(CaseCommand.DISPATCH, by, note, now);
        return new CaseDispatched(id, at, orgPath, now, facts(), to, by, note);
    }

    /**
     * 改派: the department holding the case (dispatched or claimed) has been retired, so nobody will act
     * on it; the dispatcher dispatches it again. Like a dispatch after a return: the new assignee gets the
     * full respond limit and the later stages start over. Whether the holder is retired is case-service's
     * read model's to say ({@code CaseService#dispatch}), not the aggregate's.
     */
    public CaseDispatched redispatch(Assignee to, String by, String note, Instant now) {
        Objects.requireNonNull(to, "assignee");
        CaseStatus before = status;
        if (before != CaseStatus.DISPATCHED && before != CaseStatus.CLAIMED) {
            throw new InvalidStateException("A case in state " + before + " is not held by anyone to take it from");
        }
        startClock(Stage.RESPOND, now);
        clocks.replaceAll(stageClock -> stageClock.stage() == Stage.RESPOND ? stageClock : stageClock.clear());
        assignee = to;
        status = CaseStatus.DISPATCHED;
        version++;
        history.add(new CaseHistoryEntry(version, CaseCommand.DISPATCH.name(), before, status, by, now, note));
        return new CaseDispatched(id, version, orgPath, now, facts(), to, by, note);
    }

    /** 接单: the assignee takes the case on. */
    public CaseClaimed claim(String by, Instant now) {
        long at = move(CaseCommand.CLAIM, by, null, now);
        stopClock(Stage.RESPOND, now);
        startClock(Stage.RESOLVE, now);
        return new CaseClaimed(id, at, orgPath, now, facts(), assignee, by);
    }

    /** 退回: the assignee says the case is not theirs; the dispatcher dispatches it again. */
    public CaseReturned returnToDispatcher(String by, String reason, Instant now) {
        requireText(reason, "reason", "is required to return a case");
        CaseCommand.RETURN.from(status);
        Assignee from = assignee;
        assignee = null;
        long at = move(CaseCommand.RETURN, by, reason, now);
        // The assignee's time stops with the return; the next dispatch starts a fresh respond clock.
        stopRunningClock(now);
        return new CaseReturned(id, at, orgPath, now, facts(), from, by, reason);
    }

    /** 处置·反馈: the assignee reports the problem handled, with photos taken afterwards. */
    public CaseResolved resolve(String by, String note, List<String> attachments, Instant now) {
        requireText(note, "note", "is required to resolve a case: say what was done");
        long at = move(CaseCommand.RESOLVE, by, note, now);
        stopClock(Stage.RESOLVE, now);
        startClock(Stage.VERIFY, now);
        return new CaseResolved(id, at, orgPath, now, facts(), by, note, attachments);
    }

    /**
     * 核查: the on-site check. Passed closes the case; failed sends it back for rework (发回重办)
     * and needs a note saying what is still wrong.
     */
    public List<CaseEvent> verify(boolean passed, String by, String note, Instant now) {
        CaseCommand command = passed ? CaseCommand.PASS_VERIFICATION : CaseCommand.FAIL_VERIFICATION;
        command.from(status);
        if (!passed) {
            requireText(note, "note", "is required when the check fails: say what is still wrong");
        }
        long verifiedAt = move(command, by, note, now);
        stopClock(Stage.VERIFY, now);
        // The check and its outcome are two facts consumers act on separately, so each gets a version.
        version++;
        CaseVerified verified = new CaseVerified(id, verifiedAt, orgPath, now, facts(), by, passed, note);
        // A clock running behind the one that stamped the report must not make the time negative.
        Duration handlingTime = now.isAfter(reportedAt) ? Duration.between(reportedAt, now) : Duration.ZERO;
        CaseEvent outcome = passed
                ? new CaseClosed(id, version, orgPath, now, facts(), everyStageInTime(), handlingTime)
                : new CaseReopened(id, version, orgPath, now, facts(), ReopenCause.VERIFICATION_FAILED, note, null);
        return List.of(verified, outcome);
    }

    /** 挂账: a long-term problem that cannot be solved within its limits. */
    public CaseParked park(String by, String reason, Instant now) {
        requireText(reason, "reason", "is required to park a case");
        long at = move(CaseCommand.PARK, by, reason, now);
        stopRunningClock(now);
        return new CaseParked(id, at, orgPath, now, facts(), by, reason);
    }

    /**
     * 销账恢复: a parked case is taken up again, because it can be handled now (the plan or the money
     * it waited for came through). It goes back to the dispatcher accepted, its respond time limit
     * counting afresh from now and the later stages starting over, as after a return.
     */
    public CaseTakenUp takeUp(String by, String reason, Instant now) {
        requireText(reason, "reason", "is required to take up a parked case: say why it can be handled now");
        long at = move(CaseCommand.TAKE_UP, by, reason, now);
        clocks.replaceAll(stageClock -> stageClock.stage() == Stage.RESPOND ? stageClock : stageClock.clear());
        startClock(Stage.RESPOND, now);
        return new CaseTakenUp(id, at, orgPath, now, facts(), by, reason);
    }

    /** When the case was last parked, or null unless it is parked. */
    public Instant parkedAt() {
        return status == CaseStatus.PARKED ? lastParkedAt(history) : null;
    }

    /** When a case with this history was last parked, or null if it never was. */
    static Instant lastParkedAt(List<CaseHistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == CaseStatus.PARKED && history.get(i).from() != CaseStatus.PARKED) {
                return history.get(i).at();
            }
        }
        return null;
    }

    /** Why the case was last parked, or null unless it is parked. */
    public String parkedReason() {
        Instant at = parkedAt();
        return at == null ? null : history.stream()
                .filter(entry -> entry.to() == CaseStatus.PARKED && entry.from() != CaseStatus.PARKED
                        && entry.at().equals(at))
                .reduce((first, second) -> second).map(CaseHistoryEntry::note).orElse(null);
    }

    /**
     * 发回重办 of a closed case. {@code cause} says why: {@link ReopenCause#RESIDENT_DISSATISFIED}
     * with the rating's id (a rating reopens a case at most once: see {@link #hasReworked}), or
     * {@link ReopenCause#STAFF_REVIEW} with the reviewer's reason. The case goes back to the
     * dispatcher, who dispatches it again with fresh time limits.
     */
    public CaseReopened reopen(ReopenCause cause, String reason, String ratingId, String by, Instant now) {
        Objects.requireNonNull(cause, "cause");
        requireText(reason, "reason", "is required to reopen a case: say what is still wrong");
        long at = move(CaseCommand.REOPEN, by, reason, now);
        if (ratingId != null) {
            reworkRatings.add(ratingId);
        }
        return new CaseReopened(id, at, orgPath, now, facts(), cause, reason, ratingId);
    }

    /** Whether the rating with this id has already sent the case back for rework. */
    public boolean hasReworked(String ratingId) {
        return reworkRatings.contains(ratingId);
    }

    /** One handling level up (GRID → COMMUNITY → STREET → DISTRICT), by hand; the SLA scanner does it when overdue. */
    public CaseEscalated escalate(String by, String reason, Instant now) {
        requireText(reason, "reason", "is required to escalate a case");
        CaseCommand.ESCALATE.from(status);
        return raiseLevel(CaseCommand.ESCALATE.name(), by, reason, false, now);
    }

    private CaseEscalated raiseLevel(String action, String by, String reason, boolean automatic, Instant now) {
        HandlingLevel from = level;
        HandlingLevel to = level.next().orElseThrow(() -> new InvalidStateException(
                "The case is already handled at the " + from + " level, the highest; it cannot be escalated"));
        level = to;
        long at = record(action, by, from + " → " + to + ": " + reason, now);
        return new CaseEscalated(id, at, orgPath, now, facts(), from, to, by, reason, automatic);
    }

    /**
     * 吹哨: summons departments to the case; each must report in. A department already summoned and
     * not yet reported in is not summoned twice; one that reported in before is summoned again.
     */
    public CaseWhistled whistle(List<String> departmentIds, String by, String reason, Instant now) {
        requireText(reason, "reason", "is required to blow the whistle: say what the departments are needed for");
        if (departmentIds == null || departmentIds.isEmpty()) {
            throw new InvalidFieldException("departmentIds", "must name at least one department");
        }
        CaseCommand.WHISTLE.from(status);
        List<String> summoned = departmentIds.stream().map(String::strip).distinct()
                .filter(department -> !isAwaiting(department)).toList();
        if (summoned.isEmpty()) {
            throw new InvalidFieldException("departmentIds", "are all summoned already and have not reported in yet");
        }
        summons.removeIf(earlier -> summoned.contains(earlier.departmentId()));
        summoned.forEach(department -> summons.add(new Summons(department, now, null, null)));
        long at = move(CaseCommand.WHISTLE, by, String.join(", ", summoned) + ": " + reason, now);
        return new CaseWhistled(id, at, orgPath, now, facts(), summoned, by, reason);
    }

    /** 报到: a summoned department reports in to the case. */
    public CaseDepartmentReportedIn reportIn(String departmentId, String by, Instant now) {
        CaseCommand.REPORT_IN.from(status);
        if (!isAwaiting(departmentId)) {
            throw new InvalidStateException(isSummoned(departmentId)
                    ? "Department " + departmentId + " has already reported in to this case"
                    : "Department " + departmentId + " was not summoned to this case");
        }
        summons.replaceAll(each -> each.departmentId().equals(departmentId) ? each.reportedIn(by, now) : each);
        long at = move(CaseCommand.REPORT_IN, by, departmentId, now);
        return new CaseDepartmentReportedIn(id, at, orgPath, now, facts(), departmentId, by);
    }

    /** Whether the department was summoned and has not reported in yet. */
    public boolean isAwaiting(String departmentId) {
        return summons.stream().anyMatch(each -> each.departmentId().equals(departmentId) && !each.hasReportedIn());
    }

    public boolean isSummoned(String departmentId) {
        return summons.stream().anyMatch(each -> each.departmentId().equals(departmentId));
    }

    /**
     * 延时: more time for the running stage, granted by a higher level than the one handling the case
     * (the service checks who). {@code stage} may name the running stage or be left out. An extension
     * counts like the limit: minutes for an emergency tier, working hours or days otherwise.
     */
    public CaseExtended extend(SlaStage stage, TimeLimit extension, String reason, String by, Instant now) {
        requireText(reason, "reason", "is required to extend a time limit");
        Objects.requireNonNull(extension, "extension");
        CaseCommand.EXTEND.from(status);
        StageClock running = runningClock().orElseThrow(
                () -> new InvalidStateException("No time limit of the case is running, so none can be extended"));
        if (stage != null && !stage.name().equals(running.stage().name())) {
            throw new InvalidFieldException("stage", "is not the running stage; the " + running.stage()
                    + " time limit is the one running");
        }
        if (running.isPaused()) {
            throw new InvalidStateException("The time limit is paused while the case waits for the resident;"
                    + " resume it before extending it");
        }
        if (extension.runsAroundTheClock() != running.timeLimit().runsAroundTheClock()) {
            throw new InvalidFieldException("extension", running.timeLimit().runsAroundTheClock()
                    ? "must be in minutes (e.g. 30m): this emergency time limit runs around the clock"
                    : "must be in working hours or days (e.g. 4h, 2d): this time limit counts working time");
        }
        replaceClock(running.extend(extension, now, calendar));
        long at = move(CaseCommand.EXTEND, by, "+" + extension + ": " + reason, now);
        Instant newDeadline = deadlineOf(running.stage());
        return new CaseExtended(id, at, orgPath, now, facts(), SlaStage.valueOf(running.stage().name()), newDeadline,
                reason, by);
    }

    /**
     * Places a case intake could not locate: the point staff set on the map lies in
     * {@code placement}'s grid, and from now on the case belongs to that grid's area (its org path,
     * community and street). A case already located is not moved: its area decides who handles it,
     * so a wrong place is corrected by cancelling or returning, not by quietly changing hands.
     * The state stays; the place description is replaced only when a new one is given.
     */
    public CaseLocated locate(GeoPoint point, String description, Placement placement, String by, Instant now) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(placement, "placement");
        if (!placement.isLocated()) {
            throw new IllegalArgumentException("A case is placed only in a grid, not: " + placement.unlocatedReason());
        }
        requireLocatable();
        String previousOrgPath = orgPath;
        this.location = point;
        if (description != null && !description.isBlank()) {
            this.locationDescription = description.strip();
        }
        this.placement = placement;
        this.orgPath = placement.orgPath();
        long at = record(CaseCommand.LOCATE.name(), by,
                placement.gridName() != null ? placement.gridName() + " (" + placement.gridCode() + ")"
                        : placement.gridCode(),
                now);
        return new CaseLocated(id, at, orgPath, now, facts(), previousOrgPath, placement.gridName(), by);
    }

    /** Refuses unless the case may be placed: unlocated, and in a state that allows it. */
    public void requireLocatable() {
        CaseCommand.LOCATE.from(status);
        if (isLocated()) {
            throw new InvalidStateException("The case is already located in grid " + gridCode()
                    + "; a located case is not moved to another place");
        }
    }

    /** 督办: a higher level puts the case under supervision. */
    public CaseSupervised supervise(String by, String note, Instant now) {
        long at = move(CaseCommand.SUPERVISE, by, note, now);
        supervised = true;
        return new CaseSupervised(id, at, orgPath, now, facts(), by, note);
    }

    /** The case waits for the resident: the running time limit stops counting until {@link #resume}. */
    public CasePaused pause(String by, String reason, Instant now) {
        requireText(reason, "reason", "is required to pause the time limit: say what the case waits for");
        CaseCommand.PAUSE.from(status);
        StageClock running = runningClock().orElseThrow(
                () -> new InvalidStateException("No time limit of the case is running, so none can be paused"));
        if (running.isPaused()) {
            throw new InvalidStateException("The time limit is already paused; resume it before pausing it again");
        }
        replaceClock(running.pause(now));
        long at = move(CaseCommand.PAUSE, by, reason, now);
        return new CasePaused(id, at, orgPath, now, facts(), SlaStage.valueOf(running.stage().name()), by, reason);
    }

    /** The resident answered: the paused time limit counts again, its deadline later by the pause. */
    public CaseResumed resume(String by, Instant now) {
        CaseCommand.RESUME.from(status);
        StageClock paused = runningClock().filter(StageClock::isPaused).orElseThrow(
                () -> new InvalidStateException("The time limit is not paused, so it cannot be resumed"));
        replaceClock(paused.resume(now));
        long at = move(CaseCommand.RESUME, by, null, now);
        return new CaseResumed(id, at, orgPath, now, facts(), SlaStage.valueOf(paused.stage().name()), by);
    }

    /** At most this many photos per stage of a case (the phone page offers nine). */
    public static final int MAX_PHOTOS_PER_STAGE = 9;

    /**
     * How long after the report its reporter may still add photos of the problem as found: a phone
     * report is filed first and its photos follow within seconds; a day allows a slow upload to be
     * tried again, while a photo taken later no longer shows the problem as reported.
     */
    public static final Duration REPORT_PHOTO_WINDOW = Duration.ofHours(24);

    /**
     * Photos stored for the case. Whether the case still takes photos of {@code stage} is the
     * aggregate's rule; who may add them is the service's:
     * <ul>
     *   <li>{@code REPORT}: until the case is dispatched (REPORTED, ACCEPTED), within
     *       {@link #REPORT_PHOTO_WINDOW} of the report; the reporter is not named ({@code by} null);</li>
     *   <li>{@code RESOLUTION}: while the assignee works on it or it waits for the check (CLAIMED, RESOLVED);</li>
     *   <li>{@code NOTE}: any time but after cancellation.</li>
     * </ul>
     * At most {@link #MAX_PHOTOS_PER_STAGE} photos per stage: more is a 400 naming {@code file}.
     */
    public CaseAttachmentsAdded attach(AttachmentStage stage, List<CaseAttachmentsAdded.Attachment> added, String by,
            Instant now) {
        checkMayAttach(stage, added.size(), now);
        added.forEach(photo -> photos.add(new CasePhoto(photo.id(), stage)));
        long at = record("ATTACHMENTS_ADDED", by, added.size() + " photo(s), " + stage, now);
        return new CaseAttachmentsAdded(id, at, orgPath, now, facts(), stage, by, added);
    }

    /** Throws unless {@code count} more photos of {@code stage} may be added now (see {@link #attach}). */
    public void checkMayAttach(AttachmentStage stage, int count, Instant now) {
        Objects.requireNonNull(stage, "stage");
        switch (stage) {
            case REPORT -> {
                if (status != CaseStatus.REPORTED && status != CaseStatus.ACCEPTED) {
                    throw new InvalidStateException("Report photos can be added only until the case is dispatched;"
                            + " the case is " + status);
                }
                if (now.isAfter(reportedAt.plus(REPORT_PHOTO_WINDOW))) {
                    throw new InvalidStateException("Report photos can be added only within "
                            + REPORT_PHOTO_WINDOW.toHours() + " hours of the report");
                }
            }
            case RESOLUTION -> {
                if (status != CaseStatus.CLAIMED && status != CaseStatus.RESOLVED) {
                    throw new InvalidStateException("Resolution photos can be added once the case is claimed and"
                            + " until it is checked; the case is " + status);
                }
            }
            case NOTE -> {
                if (status == CaseStatus.CANCELLED) {
                    throw new InvalidStateException("The case is cancelled; it takes no more photos");
                }
            }
        }
        long already = photos.stream().filter(photo -> photo.stage() == stage).count();
        if (count < 1 || already + count > MAX_PHOTOS_PER_STAGE) {
            throw new InvalidFieldException("file", "at most " + MAX_PHOTOS_PER_STAGE + " photos per stage; the "
                    + stage + " stage of this case has " + already + " and " + count + " were sent");
        }
    }

    /** The photos stored for the case, in the order they were added. */
    public List<CasePhoto> photos() {
        return List.copyOf(photos);
    }

    /** Restores the photos a stored case knows. */
    void restorePhotos(List<CasePhoto> stored) {
        photos.clear();
        if (stored != null) {
            photos.addAll(stored);
        }
    }

    /** Whether the case waits for the resident, its time limit paused. */
    public boolean isWaitingForResident() {
        return runningClock().map(StageClock::isPaused).orElse(false);
    }

    /**
     * What the SLA clock has to say at {@code now}: a {@link CaseSlaWarning} for each of 50% and
     * 75% of the running stage's time newly used, and once its deadline has passed
     * {@link CaseOverdue}, then an automatic escalation one level up (unless at the top) and
     * supervision (unless supervised already). Each threshold is reported once per run of a stage,
     * as the stored percent remembers. Nothing while the clock is paused.
     */
    public List<CaseEvent> checkSla(Instant now) {
        Optional<StageClock> running = runningClock().filter(clock -> !clock.isPaused());
        if (running.isEmpty()) {
            return List.of();
        }
        StageClock stageClock = running.get();
        SlaClock sla = stageClock.toSlaClock(calendar);
        List<Threshold> crossed = sla.crossedSince(stageClock.notifiedPercent(), now);
        if (crossed.isEmpty()) {
            return List.of();
        }
        replaceClock(stageClock.notified(crossed.get(crossed.size() - 1).percent()));
        SlaStage stage = SlaStage.valueOf(stageClock.stage().name());
        Instant deadline = sla.deadline().orElseThrow();
        List<CaseEvent> events = new ArrayList<>();
        for (Threshold threshold : crossed) {
            if (threshold == Threshold.OVERDUE) {
                overdue = true;
                long at = record("OVERDUE", null, stage + " time limit passed at " + deadline, now);
                events.add(new CaseOverdue(id, at, orgPath, now, facts(), stage, deadline));
                if (level.next().isPresent()) {
                    events.add(raiseLevel("ESCALATE", null, "the " + stage + " time limit passed", true, now));
                }
                if (!supervised) {
                    supervised = true;
                    long supervisedAt = record("SUPERVISE", null, "overdue", now);
                    events.add(new CaseSupervised(id, supervisedAt, orgPath, now, facts(), null,
                            "The " + stage + " time limit passed at " + deadline));
                }
            } else {
                long at = record("SLA_WARNING", null, threshold.percent() + "% of the " + stage + " time limit used",
                        now);
                events.add(new CaseSlaWarning(id, at, orgPath, now, facts(), stage, threshold.percent(), deadline));
            }
        }
        return events;
    }

    /** When the SLA scanner should look at the case next, or null while no clock runs unpaused. */
    public Instant nextSlaCheck() {
        return runningClock().flatMap(clock -> clock.nextCheck(calendar)).orElse(null);
    }

    private Optional<StageClock> runningClock() {
        return clocks.stream().filter(StageClock::isRunning).findFirst();
    }

    private void replaceClock(StageClock changed) {
        clocks.replaceAll(stageClock -> stageClock.stage() == changed.stage() ? changed : stageClock);
    }

    private void stopRunningClock(Instant at) {
        clocks.replaceAll(stageClock -> stageClock.stop(at));
    }

    /** A line of history for a change that is not a workflow command; the state stays. */
    private long record(String action, String by, String note, Instant now) {
        version++;
        history.add(new CaseHistoryEntry(version, action, status, status, by, now, note));
        return version;
    }

    private long move(CaseCommand command, String by, String note, Instant now) {
        CaseStatus before = status;
        status = command.from(before);
        version++;
        history.add(new CaseHistoryEntry(version, command.name(), before, status, by, now, note));
        return version;
    }

    private static void requireText(String value, String field, String reason) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, reason);
        }
    }

    public boolean isEmergency() {
        return emergency;
    }

    /** The deepest grid holding the point, or null while the case is unlocated. */
    public String gridCode() {
        return placement == null ? null : placement.gridCode();
    }

    public String communityId() {
        return placement != null && placement.isLocated() ? placement.communityId() : OrgPaths.community(orgPath);
    }

    public String streetId() {
        return placement != null && placement.isLocated() ? placement.streetId() : OrgPaths.street(orgPath);
    }

    /** Where intake located the case; an unlocated placement (with its reason) for a case stored before locating. */
    public Placement placement() {
        return placement != null ? placement : Placement.unlocated("filed before reports were located");
    }

    public boolean isLocated() {
        return placement().isLocated();
    }

    public String possibleDuplicateOf() {
        return possibleDuplicateOf;
    }

    /** The 12345 hotline's own id of the case, the wish's id for a case from the wish wall, or null for other channels. */
    public String externalId() {
        return externalId;
    }

    public boolean isSupervised() {
        return supervised;
    }

    /** Whether a time limit of the case has ever run out. */
    public boolean isOverdue() {
        return overdue;
    }

    public List<Summons> summons() {
        return List.copyOf(summons);
    }

    List<String> reworkRatings() {
        return List.copyOf(reworkRatings);
    }

    /** When the case was closed, or null unless it is closed. */
    public Instant closedAt() {
        if (status != CaseStatus.CLOSED) {
            return null;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == CaseStatus.CLOSED && history.get(i).from() != CaseStatus.CLOSED) {
                return history.get(i).at();
            }
        }
        return null;
    }

    /** Whether the case is still being worked on: not closed, cancelled or parked. */
    public boolean isOpen() {
        return isOpen(status);
    }

    /** Whether a case in {@code status} is still being worked on: not closed, cancelled or parked. */
    public static boolean isOpen(CaseStatus status) {
        return status != CaseStatus.CLOSED && status != CaseStatus.CANCELLED && status != CaseStatus.PARKED;
    }

    List<StageClock> clocks() {
        return List.copyOf(clocks);
    }

    WorkingCalendar calendar() {
        return calendar;
    }

    public Assignee assignee() {
        return assignee;
    }

    public List<CaseHistoryEntry> history() {
        return List.copyOf(history);
    }

    public boolean isReportedBy(String userId) {
        return reporterId.equals(userId);
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String categoryName() {
        return categoryName;
    }

    public String description() {
        return description;
    }

    public GeoPoint location() {
        return location;
    }

    public String locationDescription() {
        return locationDescription;
    }

    public Channel channel() {
        return channel;
    }

    public String reporterId() {
        return reporterId;
    }

    public String orgPath() {
        return orgPath;
    }

    public HandlingLevel level() {
        return level;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    /** When the case last changed: the time of its last line of history. */
    public Instant updatedAt() {
        return history.isEmpty() ? reportedAt : history.get(history.size() - 1).at();
    }

    public long version() {
        return version;
    }

    /** What reporting produced: the new case and its first event. */
    public record Reported(Case aCase, CaseReported event) {
    }

    /**
     * What intake found out about a report beyond what the reporter said.
     *
     * @param placement           the grid the point lies in, or why it is unlocated
     * @param possibleDuplicateOf an open case of the same category within 50 m, or null
     * @param externalId          the 12345 hotline's own id, or null
     */
    public record IntakeDetails(Placement placement, String possibleDuplicateOf, String externalId) {

        static final IntakeDetails NONE = new IntakeDetails(Placement.unlocated("not located"), null, null);
    }

    /** A report as it arrives, already checked for shape. */
    public record NewReport(String categoryCode, String description, GeoPoint location, String locationDescription,
            Channel channel, String reporterId, String orgPath, boolean emergency) {
    }
}
