package org.grassroots.caseservice.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.grassroots.caseservice.categories.Category;
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
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.contracts.cases.ReopenCause;
import org.grassroots.platform.problem.InvalidFieldException;

/**
 * A resident's complaint or need (诉求), from report to closure. The aggregate owns its rules:
 * each command checks the state against {@link CaseCommand}, moves the case on, records a line
 * of its history and returns the events the change produced. Every event advances the version
 * by one, so the events of one case carry the versions 1, 2, 3… without gaps.
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
    private CaseStatus status;
    private Assignee assignee;
    private long version;

    Case(String id, String number, String categoryCode, String categoryName, String description, GeoPoint location,
            String locationDescription, Channel channel, String reporterId, String orgPath, HandlingLevel level,
            CaseStatus status, Instant reportedAt, long version, Assignee assignee, List<CaseHistoryEntry> history) {
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
    }

    /**
     * A new report (上报) enters the platform: the case starts at version 1 in {@code REPORTED}, at
     * the handling level its category starts at.
     */
    public static Reported report(NewReport report, Category category, String id, String number, Instant now) {
        if (!category.code().equals(report.categoryCode())) {
            throw new IllegalArgumentException("Report of " + report.categoryCode() + " filed under " + category.code());
        }
        Case reported = new Case(id, number, category.code(), category.name(), report.description(),
                report.location(), report.locationDescription(), report.channel(), report.reporterId(),
                report.orgPath(), category.startingLevel(), CaseStatus.REPORTED, now, 1, null, List.of());
        reported.history.add(new CaseHistoryEntry(1, CaseHistoryEntry.REPORTED, null, CaseStatus.REPORTED, null, now,
                null));
        return new Reported(reported, new CaseReported(id, 1, reported.orgPath, now, reported.facts(), null));
    }

    /** What events say about the case: no personal data of the reporter. */
    public CaseFacts facts() {
        return new CaseFacts(id, number, categoryCode, categoryName, level, status, false, channel, location,
                locationDescription, null, OrgPaths.community(orgPath), OrgPaths.street(orgPath), assignee, null);
    }

    /** 立案: the community finds the report a valid case. */
    public CaseAccepted accept(String by, String note, Instant now) {
        long at = move(CaseCommand.ACCEPT, by, note, now);
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
        CaseCommand.DISPATCH.from(status);
        assignee = to;
        long at = move(CaseCommand.DISPATCH, by, note, now);
        return new CaseDispatched(id, at, orgPath, now, facts(), to, by, note);
    }

    /** 接单: the assignee takes the case on. */
    public CaseClaimed claim(String by, Instant now) {
        long at = move(CaseCommand.CLAIM, by, null, now);
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
        // The check and its outcome are two facts consumers act on separately, so each gets a version.
        version++;
        CaseVerified verified = new CaseVerified(id, verifiedAt, orgPath, now, facts(), by, passed, note);
        // A clock running behind the one that stamped the report must not make the time negative.
        Duration handlingTime = now.isAfter(reportedAt) ? Duration.between(reportedAt, now) : Duration.ZERO;
        CaseEvent outcome = passed
                // No SLA clock runs on the workflow yet, so no stage is counted late.
                ? new CaseClosed(id, version, orgPath, now, facts(), true, handlingTime)
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
            Channel channel, String reporterId, String orgPath) {
    }
}
