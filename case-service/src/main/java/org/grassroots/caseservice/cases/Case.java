package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.Objects;

import org.grassroots.caseservice.categories.Category;
import org.grassroots.contracts.cases.CaseFacts;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;

/**
 * A resident's complaint or need (诉求), from report to closure. The aggregate owns its rules:
 * each command checks the state and returns the events the change produced.
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
    private final CaseStatus status;
    private final Instant reportedAt;
    private final long version;

    Case(String id, String number, String categoryCode, String categoryName, String description, GeoPoint location,
            String locationDescription, Channel channel, String reporterId, String orgPath, HandlingLevel level,
            CaseStatus status, Instant reportedAt, long version) {
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
                report.orgPath(), category.startingLevel(), CaseStatus.REPORTED, now, 1);
        return new Reported(reported, new CaseReported(id, 1, reported.orgPath, now, reported.facts(), null));
    }

    /** What events say about the case: no personal data of the reporter. */
    public CaseFacts facts() {
        return new CaseFacts(id, number, categoryCode, categoryName, level, status, false, channel, location,
                locationDescription, null, OrgPaths.community(orgPath), OrgPaths.street(orgPath), null, null);
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
