package org.grassroots.caseservice.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryCatalogue;
import org.grassroots.caseservice.intake.GridLocator;
import org.grassroots.caseservice.intake.Placement;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.caseservice.targets.TargetChecks;
import org.grassroots.contracts.TimeOrderedIds;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AttachmentStage;
import org.grassroots.contracts.cases.CaseAttachmentsAdded;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.contracts.cases.ReopenCause;
import org.grassroots.contracts.cases.SlaStage;
import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.problem.ProblemException;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The case commands and queries, each checking who may do it. */
@Service
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);
    /** How many case numbers intake tries before it gives up on a report whose number keeps being taken. */
    private static final int NUMBER_ATTEMPTS = 5;

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final CategoryCatalogue categories;
    private final GridLocator grids;
    private final OpenCasesNearby duplicates;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final TargetChecks targets;

    CaseService(CaseRepository cases, CaseNumbers numbers, CategoryCatalogue categories, GridLocator grids,
            OpenCasesNearby duplicates, Clock clock, WorkingCalendar calendar, TargetChecks targets) {
        this.cases = cases;
        this.numbers = numbers;
        this.categories = categories;
        this.grids = grids;
        this.duplicates = duplicates;
        this.clock = clock;
        this.calendar = calendar;
        this.targets = targets;
    }

    /** What intake answers: the case, and whether this call created it (false for a repeated hotline call). */
    public record Intake(Case aCase, boolean created) {
    }

    /**
     * Files a report under an active category of the catalogue: checks the answers to the category's
     * questions, locates the point through grid-service with the reporter's token (the located
     * community's org path becomes the case's; unlocated, the case stays in the reporter's area and
     * waits in triage), links it to an open case of the same category within 50 m, and starts its
     * time limits on the working calendar.
     */
    public Case report(Case.NewReport report, Map<String, Object> answers, String bearerToken) {
        return file(report, answers, null, bearerToken);
    }

    /**
     * A case from the 12345 hotline, idempotent by the hotline's own id: the case id is derived from
     * it, so the same call twice (or two at once) makes one case, and the repeat gets that case back.
     */
    public Intake reportFromHotline(String externalId, Case.NewReport report, Map<String, Object> answers,
            String bearerToken) {
        String id = hotlineCaseId(externalId);
        Optional<Case> earlier = cases.find(id);
        if (earlier.isPresent()) {
            return new Intake(earlier.get(), false);
        }
        try {
            return new Intake(file(report, answers, externalId, bearerToken), true);
        } catch (AlreadyExistsException raced) {
            return new Intake(cases.find(id).orElseThrow(), false);
        }
    }

    /**
     * A case from a wish on the wish wall that needs a department (微心愿转诉求), filed by community
     * staff through volunteer-service, idempotent by the wish's id: the case id is derived from it
     * and the wish's id is kept as the case's external id, so the case and the wish name each other.
     */
    public Intake reportFromWish(String wishId, Case.NewReport report, Map<String, Object> answers,
            String bearerToken) {
        String id = wishCaseId(wishId);
        Optional<Case> earlier = cases.find(id);
        if (earlier.isPresent()) {
            return new Intake(earlier.get(), false);
        }
        try {
            return new Intake(file(report, answers, wishId, id, bearerToken), true);
        } catch (AlreadyExistsException raced) {
            return new Intake(cases.find(id).orElseThrow(), false);
        }
    }

    static String wishCaseId(String wishId) {
        return UUID.nameUUIDFromBytes(("wish:" + wishId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String hotlineCaseId(String externalId) {
        return UUID.nameUUIDFromBytes(("12345:" + externalId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Case file(Case.NewReport report, Map<String, Object> answers, String externalId, String bearerToken) {
        return file(report, answers, externalId,
                externalId != null ? hotlineCaseId(externalId) : TimeOrderedIds.nextString(), bearerToken);
    }

    private Case file(Case.NewReport report, Map<String, Object> answers, String externalId, String id,
            String bearerToken) {
        Category category = activeCategory(report.categoryCode());
        List<FieldError> wrongAnswers = category.checkAnswers(answers);
        if (!wrongAnswers.isEmpty()) {
            throw new InvalidFieldException(wrongAnswers);
        }
        Placement placement = grids.locate(report.location(), bearerToken);
        String orgPath = placement.isLocated() ? placement.orgPath() : report.orgPath();
        String communityId = placement.isLocated() ? placement.communityId() : OrgPaths.community(orgPath);
        String duplicateOf = duplicates.nearestOpen(category.code(), OpenCasesNearby.areaOf(communityId, orgPath),
                report.location()).orElse(null);
        Case.NewReport filed = new Case.NewReport(report.categoryCode(), report.description(), report.location(),
                report.locationDescription(), report.channel(), report.reporterId(), orgPath, report.emergency());
        Instant now = clock.instant();
        for (int attempt = 1; ; attempt++) {
            Case.Reported reported = Case.report(filed, new Case.IntakeDetails(placement, duplicateOf, externalId),
                    category, id, numbers.next(), now, calendar);
            try {
                cases.add(reported.aCase(), List.of(reported.event()));
                return reported.aCase();
            } catch (AlreadyExistsException taken) {
                if (attempt == NUMBER_ATTEMPTS || cases.find(id).isPresent()) {
                    throw taken;
                }
                // No case has this id, so its number was the one taken: the store handed it out twice
                // (mongo-java-server, the tests' store, can answer two concurrent increments with the
                // same value; MongoDB's and the local platform's LocalMongo.java answer each once).
                log.warn("Case number {} was already taken; filing case {} under the next one", reported.aCase().number(), id);
            }
        }
    }

    private Category activeCategory(String code) {
        Category category;
        try {
            category = categories.forIntake(code);
        } catch (NotFoundException unknown) {
            throw new InvalidFieldException("categoryCode", "is not in the category catalogue (GET /api/categories)");
        }
        if (!category.isActive()) {
            throw new InvalidFieldException("categoryCode", "is retired; choose a current category");
        }
        return category;
    }

    /**
     * A resident sees their own cases; staff see the cases of their area; department staff and
     * assigned people see what is dispatched to them, and summoned departments what they are summoned to.
     */
    public Case get(String id, Caller caller) {
        Case found = cases.find(id).orElseThrow(() -> new NotFoundException("Case", id));
        if (!maySee(found, caller)) {
            // Answer as if it did not exist: another resident's case is not even confirmed to exist.
            throw new NotFoundException("Case", id);
        }
        return found;
    }

    public List<CaseHistoryEntry> history(String id, Caller caller) {
        return get(id, caller).history();
    }

    public Case accept(String id, Long expectedVersion, String note, Caller caller) {
        return change(id, expectedVersion, caller, Who.DISPATCHER,
                (aCase, now) -> List.of(aCase.accept(caller.userId(), note, now)));
    }

    public Case cancel(String id, Long expectedVersion, String reason, Caller caller) {
        return change(id, expectedVersion, caller, Who.DISPATCHER,
                (aCase, now) -> List.of(aCase.cancel(caller.userId(), reason, now)));
    }

    public Case dispatch(String id, Long expectedVersion, Assignee to, String note, Caller caller) {
        return change(id, expectedVersion, caller, Who.DISPATCHER,
                (aCase, now) -> {
                    targets.requireAssignable(to);
                    if (targets.holderRetired(aCase.status(), aCase.assignee())) {
                        // 改派: its department was retired while holding it (GET /api/cases/redispatch).
                        return List.of(aCase.redispatch(to, caller.userId(), note, now));
                    }
                    return List.of(aCase.dispatch(to, caller.userId(), note, now));
                });
    }

    public Case claim(String id, Long expectedVersion, Caller caller) {
        return change(id, expectedVersion, caller, Who.ASSIGNEE,
                (aCase, now) -> List.of(aCase.claim(caller.userId(), now)));
    }

    public Case returnToDispatcher(String id, Long expectedVersion, String reason, Caller caller) {
        return change(id, expectedVersion, caller, Who.ASSIGNEE,
                (aCase, now) -> List.of(aCase.returnToDispatcher(caller.userId(), reason, now)));
    }

    public Case resolve(String id, Long expectedVersion, String note, List<String> attachments, Caller caller) {
        return change(id, expectedVersion, caller, Who.ASSIGNEE,
                (aCase, now) -> List.of(aCase.resolve(caller.userId(), note, attachments, now)));
    }

    public Case verify(String id, Long expectedVersion, boolean passed, String note, Caller caller) {
        return change(id, expectedVersion, caller, Who.CHECKER,
                (aCase, now) -> aCase.verify(passed, caller.userId(), note, now));
    }

    public Case park(String id, Long expectedVersion, String reason, Caller caller) {
        return change(id, expectedVersion, caller, Who.DISPATCHER,
                (aCase, now) -> List.of(aCase.park(caller.userId(), reason, now)));
    }

    /** 销账恢复: a parked case taken up again by staff of its area. */
    public Case takeUp(String id, Long expectedVersion, String reason, Caller caller) {
        return change(id, expectedVersion, caller, Who.DISPATCHER,
                (aCase, now) -> List.of(aCase.takeUp(caller.userId(), reason, now)));
    }

    /** 发回重办 by staff of the case's area on review of a closed case. */
    public Case reopen(String id, Long expectedVersion, String reason, Caller caller) {
        return change(id, expectedVersion, caller, Who.DISPATCHER,
                (aCase, now) -> List.of(aCase.reopen(ReopenCause.STAFF_REVIEW, reason, null, caller.userId(), now)));
    }

    /** One level up, by staff of the case's area at the case's level or above. */
    public Case escalate(String id, Long expectedVersion, String reason, Caller caller) {
        return change(id, expectedVersion, caller, Who.LEVEL_OR_ABOVE,
                (aCase, now) -> List.of(aCase.escalate(caller.userId(), reason, now)));
    }

    public Case whistle(String id, Long expectedVersion, List<String> departmentIds, String reason, Caller caller) {
        return change(id, expectedVersion, caller, Who.DISPATCHER,
                (aCase, now) -> {
                    targets.requireSummonable(departmentIds);
                    return List.of(aCase.whistle(departmentIds, caller.userId(), reason, now));
                });
    }

    /** 报到 by staff of a summoned department, for their own department. */
    public Case reportIn(String id, Long expectedVersion, Caller caller) {
        return change(id, expectedVersion, caller, Who.SUMMONED_DEPARTMENT,
                (aCase, now) -> {
                    targets.requireReportingIn(caller.departmentId());
                    return List.of(aCase.reportIn(caller.departmentId(), caller.userId(), now));
                });
    }

    /** 延时, granted by a level above the one handling the case (the district for a district case). */
    public Case extend(String id, Long expectedVersion, SlaStage stage, TimeLimit extension, String reason,
            Caller caller) {
        return change(id, expectedVersion, caller, Who.HIGHER_LEVEL,
                (aCase, now) -> List.of(aCase.extend(stage, extension, reason, caller.userId(), now)));
    }

    /** 督办, by a level above the one handling the case (the district for a district case). */
    public Case supervise(String id, Long expectedVersion, String note, Caller caller) {
        return change(id, expectedVersion, caller, Who.HIGHER_LEVEL,
                (aCase, now) -> List.of(aCase.supervise(caller.userId(), note, now)));
    }

    public Case pause(String id, Long expectedVersion, String reason, Caller caller) {
        return change(id, expectedVersion, caller, Who.ASSIGNEE_OR_DISPATCHER,
                (aCase, now) -> List.of(aCase.pause(caller.userId(), reason, now)));
    }

    public Case resume(String id, Long expectedVersion, Caller caller) {
        return change(id, expectedVersion, caller, Who.ASSIGNEE_OR_DISPATCHER,
                (aCase, now) -> List.of(aCase.resume(caller.userId(), now)));
    }

    /**
     * Checks, before any photo is read, that the caller may add {@code count} photos of {@code stage}
     * to the case now: 404 if they cannot see it, 403 if it is not theirs to add to, 409 if the case
     * no longer takes photos of that stage, 400 beyond the photos a stage may have.
     * Who: the reporter for REPORT, the assignee for RESOLUTION, staff or a grid worker of the
     * case's area for NOTE.
     */
    public Case checkMayAttach(String id, AttachmentStage stage, int count, Caller caller) {
        Case aCase = get(id, caller);
        photographer(stage).require(aCase, caller);
        aCase.checkMayAttach(stage, count, clock.instant());
        return aCase;
    }

    /** Adds stored photos to the case (see {@link Case#attach}); the event names them, never the reporter. */
    public Case attach(String id, AttachmentStage stage, List<CaseAttachmentsAdded.Attachment> photos, Caller caller) {
        String by = stage == AttachmentStage.REPORT ? null : caller.userId();
        try {
            return change(id, null, caller, photographer(stage),
                    (aCase, now) -> List.of(aCase.attach(stage, photos, by, now)));
        } catch (VersionConflictException raced) {
            // Someone changed the case between our read and our write: the photos are already
            // stored, so try once more against the new version rather than fail the upload.
            return change(id, null, caller, photographer(stage),
                    (aCase, now) -> List.of(aCase.attach(stage, photos, by, now)));
        }
    }

    private static Who photographer(AttachmentStage stage) {
        return switch (stage) {
            case REPORT -> Who.REPORTER;
            case RESOLUTION -> Who.ASSIGNEE;
            case NOTE -> Who.CHECKER;
        };
    }

    /**
     * Places a case intake could not locate at the point staff chose on the map. grid-service
     * locates the point with the caller's token (as at intake); the case then takes the grid, its
     * community, street and org path. Who may: staff of the area that holds the case while it is
     * unlocated (the triage it waits in), or staff of the area where the point lands (a hotline
     * case held by the district, placed by the community it belongs to). Anyone else who cannot see
     * the case is told it does not exist. A point outside every grid is refused naming
     * {@code point}; a grid-service that cannot answer is 503, and the case stays as it was.
     */
    public Case locate(String id, Long expectedVersion, GeoPoint point, String description, String bearerToken,
            Caller caller) {
        Case aCase = cases.find(id).orElseThrow(() -> new NotFoundException("Case", id));
        boolean visible = maySee(aCase, caller);
        boolean staff = caller.isPlatformAdmin()
                || caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN);
        if (!visible && !staff) {
            throw new NotFoundException("Case", id);
        }
        if (visible) {
            aCase.requireLocatable();
        }
        Placement placement = grids.locate(point, bearerToken);
        if (placement.isOutsideEveryGrid()) {
            throw new InvalidFieldException("point", "lies outside every grid; choose a point inside one");
        }
        if (!placement.isLocated()) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "The point cannot be located now (" + placement.unlocatedReason() + "); try again shortly");
        }
        boolean holdsIt = Who.isDispatcher(aCase, caller);
        boolean landsInArea = staff && caller.maySeeOrgPath(placement.orgPath());
        if (!holdsIt && !landsInArea) {
            if (!visible) {
                throw new NotFoundException("Case", id);
            }
            throw new ForbiddenException("Only staff of the area holding the case, or of the area where the point"
                    + " lies, may place it");
        }
        long read = aCase.version();
        if (expectedVersion != null && expectedVersion != read) {
            throw new VersionConflictException("Case", id, expectedVersion);
        }
        // The duplicate search lists open cases by place and area, both of which change here.
        duplicates.leave(aCase);
        try {
            CaseEvent located = aCase.locate(point, description, placement, caller.userId(), clock.instant());
            cases.update(aCase, read, List.of(located));
        } catch (RuntimeException refused) {
            cases.find(id).ifPresent(duplicates::enter);
            throw refused;
        }
        duplicates.enter(aCase);
        return aCase;
    }

    /**
     * Rework after the reporter rated the closed case dissatisfied (from {@code CaseRated}). Applied
     * once per rating: the case remembers the ratings that reopened it, in the same write as the
     * reopening. A case no longer closed (reopened by staff meanwhile) or unknown here is left alone.
     *
     * @return whether the case was reopened now
     */
    public boolean reworkAfterDissatisfiedRating(String caseId, String ratingId) {
        Optional<Case> found = cases.find(caseId);
        if (found.isEmpty()) {
            log.warn("Dissatisfied rating {} is about case {}, which case-service does not know", ratingId, caseId);
            return false;
        }
        Case aCase = found.get();
        if (aCase.hasReworked(ratingId)) {
            return false;
        }
        if (aCase.status() != CaseStatus.CLOSED) {
            log.info("Dissatisfied rating {} of case {} left alone: the case is {}", ratingId, caseId, aCase.status());
            return false;
        }
        long read = aCase.version();
        CaseEvent reopened = aCase.reopen(ReopenCause.RESIDENT_DISSATISFIED, "居民评价不满意，发回重办", ratingId, null,
                clock.instant());
        cases.update(aCase, read, List.of(reopened));
        return true;
    }

    /**
     * Loads the case, checks that the caller may see it (404 otherwise) and may do this (403), runs
     * the command on the aggregate and stores the change only if nobody changed the case meanwhile.
     */
    private Case change(String id, Long expectedVersion, Caller caller, Who who,
            BiFunction<Case, Instant, List<? extends CaseEvent>> command) {
        Case aCase = get(id, caller);
        who.require(aCase, caller);
        long read = aCase.version();
        if (expectedVersion != null && expectedVersion != read) {
            throw new VersionConflictException("Case", id, expectedVersion);
        }
        List<? extends CaseEvent> events = command.apply(aCase, clock.instant());
        cases.update(aCase, read, events);
        return aCase;
    }

    static boolean maySee(Case aCase, Caller caller) {
        return aCase.isReportedBy(caller.userId()) || caller.maySeeOrgPath(aCase.orgPath())
                || isAssignee(aCase, caller) || isSummoned(aCase, caller);
    }

    /** Department staff of the assigned department, or the party member or grid worker it names. */
    private static boolean isAssignee(Case aCase, Caller caller) {
        Assignee assignee = aCase.assignee();
        if (assignee == null) {
            return false;
        }
        return switch (assignee.kind()) {
            case DEPARTMENT -> caller.hasRole(Roles.DEPARTMENT_STAFF) && assignee.id().equals(caller.departmentId());
            case PARTY_MEMBER -> caller.hasRole(Roles.PARTY_MEMBER) && caller.isSubject(assignee.id());
            case GRID_WORKER -> caller.hasRole(Roles.GRID_WORKER) && caller.isSubject(assignee.id());
        };
    }

    private static boolean isSummoned(Case aCase, Caller caller) {
        return caller.hasRole(Roles.DEPARTMENT_STAFF) && caller.departmentId() != null
                && aCase.isSummoned(caller.departmentId());
    }

    /**
     * The handling level a caller's role stands for (网格 / 社区 / 街道 / 区), or null for roles that
     * handle no level (residents, party members, department staff).
     */
    static HandlingLevel levelOf(Caller caller) {
        if (caller.isPlatformAdmin() || caller.hasRole(Roles.DISTRICT_ADMIN)) {
            return HandlingLevel.DISTRICT;
        }
        if (caller.hasRole(Roles.STREET_STAFF)) {
            return HandlingLevel.STREET;
        }
        if (caller.hasRole(Roles.COMMUNITY_STAFF)) {
            return HandlingLevel.COMMUNITY;
        }
        if (caller.hasRole(Roles.GRID_WORKER)) {
            return HandlingLevel.GRID;
        }
        return null;
    }

    /** Who may run a command on a case they can see. */
    private enum Who {
        /** Accept, cancel, dispatch, park, reopen, whistle: staff of the case's area (社区派单). */
        DISPATCHER {
            @Override
            void require(Case aCase, Caller caller) {
                if (!isDispatcher(aCase, caller)) {
                    throw new ForbiddenException("Only community, street or district staff of the case's area may do this");
                }
            }
        },
        /** The on-site check: staff or a grid worker of the case's area. */
        CHECKER {
            @Override
            void require(Case aCase, Caller caller) {
                if (!caller.maySeeOrgPath(aCase.orgPath()) || !(caller.isPlatformAdmin() || caller.hasAnyRole(
                        Roles.COMMUNITY_STAFF, Roles.GRID_WORKER, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN))) {
                    throw new ForbiddenException("Only staff or a grid worker of the case's area may check it on site");
                }
            }
        },
        /** Claim, return, resolve: whoever the case is dispatched to, and nobody else. */
        ASSIGNEE {
            @Override
            void require(Case aCase, Caller caller) {
                if (!isAssignee(aCase, caller)) {
                    throw new ForbiddenException("Only the assignee of the case may do this");
                }
            }
        },
        /** Pause and resume the clock: the assignee, or staff of the case's area. */
        ASSIGNEE_OR_DISPATCHER {
            @Override
            void require(Case aCase, Caller caller) {
                if (!isAssignee(aCase, caller) && !isDispatcher(aCase, caller)) {
                    throw new ForbiddenException("Only the assignee or staff of the case's area may do this");
                }
            }
        },
        /** Escalate: staff of the case's area whose level is the case's level or above. */
        LEVEL_OR_ABOVE {
            @Override
            void require(Case aCase, Caller caller) {
                HandlingLevel level = levelOf(caller);
                if (!caller.maySeeOrgPath(aCase.orgPath()) || level == null || level.compareTo(aCase.level()) < 0) {
                    throw new ForbiddenException("Only staff of the case's area at its handling level ("
                            + aCase.level() + ") or above may escalate it");
                }
            }
        },
        /** Extend and supervise: a level above the case's (the district also for a district case). */
        HIGHER_LEVEL {
            @Override
            void require(Case aCase, Caller caller) {
                HandlingLevel level = levelOf(caller);
                boolean higher = level != null
                        && (level.compareTo(aCase.level()) > 0 || level == HandlingLevel.DISTRICT);
                if (!caller.maySeeOrgPath(aCase.orgPath()) || !higher) {
                    throw new ForbiddenException("Only a level above the one handling the case (" + aCase.level()
                            + ") may do this");
                }
            }
        },
        /** Photos of the report: the reporter alone. */
        REPORTER {
            @Override
            void require(Case aCase, Caller caller) {
                if (!aCase.isReportedBy(caller.userId())) {
                    throw new ForbiddenException("Only the reporter may add photos to the report");
                }
            }
        },
        /** Report in: staff of a department summoned to the case. */
        SUMMONED_DEPARTMENT {
            @Override
            void require(Case aCase, Caller caller) {
                if (!isSummoned(aCase, caller)) {
                    throw new ForbiddenException("Only staff of a department summoned to the case may report in");
                }
            }
        };

        abstract void require(Case aCase, Caller caller);

        static boolean isDispatcher(Case aCase, Caller caller) {
            return caller.maySeeOrgPath(aCase.orgPath()) && (caller.isPlatformAdmin()
                    || caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN));
        }
    }
}
