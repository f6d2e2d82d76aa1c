package org.grassroots.caseservice.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryCatalogue;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.platform.problem.ForbiddenException;
import org.grassroots.platform.problem.InvalidFieldException;
import org.grassroots.platform.problem.NotFoundException;
import org.grassroots.platform.problem.VersionConflictException;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.stereotype.Service;

/** The case commands and queries, each checking who may do it. */
@Service
public class CaseService {

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final CategoryCatalogue categories;
    private final Clock clock;
    private final WorkingCalendar calendar;

    CaseService(CaseRepository cases, CaseNumbers numbers, CategoryCatalogue categories, Clock clock,
            WorkingCalendar calendar) {
        this.cases = cases;
        this.numbers = numbers;
        this.categories = categories;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Files a report under an active category of the catalogue, with its time limits counted on the working calendar. */
    public Case report(Case.NewReport report) {
        Category category = activeCategory(report.categoryCode());
        Case.Reported reported = Case.report(report, category, UUID.randomUUID().toString(), numbers.next(),
                clock.instant(), calendar);
        cases.add(reported.aCase(), List.of(reported.event()));
        return reported.aCase();
    }

    private Category activeCategory(String code) {
        Category category;
        try {
            category = categories.get(code);
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
     * assigned people see what is dispatched to them.
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
                (aCase, now) -> List.of(aCase.dispatch(to, caller.userId(), note, now)));
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

    private static boolean maySee(Case aCase, Caller caller) {
        return aCase.isReportedBy(caller.userId()) || caller.maySeeOrgPath(aCase.orgPath())
                || isAssignee(aCase, caller);
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

    /** Who may run a command on a case they can see. */
    private enum Who {
        /** Accept, cancel, dispatch, park: staff of the case's area (社区派单). */
        DISPATCHER {
            @Override
            void require(Case aCase, Caller caller) {
                if (!caller.maySeeOrgPath(aCase.orgPath()) || !(caller.isPlatformAdmin()
                        || caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN))) {
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
        };

        abstract void require(Case aCase, Caller caller);
    }
}
