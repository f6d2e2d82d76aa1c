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
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseCancelled;
import org.grassroots.contracts.cases.CaseClaimed;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseDispatched;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseFacts;
import org.grassroots.contracts.cases.CaseParked;
import org.grassroots.contracts.cases.CaseReopened;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseResolved;
import org.grassroots.contracts.cases.CaseReturned;
import org.grassroots.contracts.cases.CaseVerified;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.Deadlines;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.contracts.cases.ReopenCause;
import org.grassroots.platform.problem.InvalidFieldException;

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
    private final GeoPoint location;
    private final String locationDescription;
    private final Channel channel;
    private final String reporterId;
    private final String orgPath;
    private final HandlingLevel level;
    private final Instant reportedAt;
    private final List<CaseHistoryEntry> history;
    private final boolean emergency;
    private final WorkingCalendar calendar;
    private final List<StageClock> clocks;
    private CaseStatus status;
    private Assignee assignee;
    private long version;

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
     * The clocks count working time on {@code calendar}.
     */
    public static Reported report(NewReport report, Category category, String id, String number, Instant now,
            WorkingCalendar calendar) {
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
        reported.history.add(new CaseHistoryEntry(1, CaseHistoryEntry.REPORTED, null, CaseStatus.REPORTED, null, now,
                null));
        return new Reported(reported,
                new CaseReported(id, 1, reported.orgPath, now, reported.facts(), null, reported.staffReporterId()));
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
                locationDescription, null, OrgPaths.community(orgPath), OrgPaths.street(orgPath), assignee,
                deadlines());
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
        return new CaseParked(id, at, orgPath, now, facts(), by, reason);
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

    public long version() {
        return version;
    }

    /** What reporting produced: the new case and its first event. */
    public record Reported(Case aCase, CaseReported event) {
    }

    /** A report as it arrives, already checked for shape. */
    public record NewReport(String categoryCode, String description, GeoPoint location, String locationDescription,
            Channel channel, String reporterId, String orgPath, boolean emergency) {
    }
}
