package org.grassroots.caseservice.changes;

import java.util.List;
import java.util.function.Function;

import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseLocated;
import org.grassroots.contracts.cases.CaseReturned;
import org.grassroots.contracts.cases.CaseWhistled;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;

/**
 * Who may hear of one case event: the same rules as for reading the case (CaseService#get). Staff
 * see what lies under their org path (after locating, also what left it); department staff what is
 * dispatched to, returned by or summoning their department; party members and grid workers what is
 * dispatched to them; the reporter their own case. The event carries the area and the assignee;
 * the reporter and the summoned departments are not in events (no personal data, and a whistle is
 * long past), so they are read from the case once per event, and only if a stream needs them.
 */
final class CaseAudience {

    private final CaseEvent event;
    private final Function<String, Stored> lookup;
    private Stored stored;

    /** {@code lookup} reads the stored case by id, {@link Stored#NONE} when there is none. */
    CaseAudience(CaseEvent event, Function<String, Stored> lookup) {
        this.event = event;
        this.lookup = lookup;
    }

    /** What the stored case adds to the event: its reporter and the departments it involves. */
    record Stored(String reporterId, List<String> departmentIds) {

        static final Stored NONE = new Stored(null, List.of());

        Stored {
            departmentIds = departmentIds == null ? List.of() : departmentIds;
        }
    }

    boolean includes(Caller caller) {
        if (caller.maySeeOrgPath(event.orgPath())
                || event instanceof CaseLocated located && caller.maySeeOrgPath(located.previousOrgPath())) {
            return true;
        }
        if (isAssignee(event.facts().assignee(), caller)
                || event instanceof CaseReturned returned && isAssignee(returned.returnedFrom(), caller)) {
            return true;
        }
        if (caller.hasRole(Roles.DEPARTMENT_STAFF) && caller.departmentId() != null
                && (event instanceof CaseWhistled whistled && whistled.departmentIds().contains(caller.departmentId())
                        || stored().departmentIds().contains(caller.departmentId()))) {
            return true;
        }
        return caller.isSubject(stored().reporterId() == null ? "" : stored().reporterId());
    }

    private static boolean isAssignee(Assignee assignee, Caller caller) {
        if (assignee == null) {
            return false;
        }
        return switch (assignee.kind()) {
            case DEPARTMENT -> caller.hasRole(Roles.DEPARTMENT_STAFF) && assignee.id().equals(caller.departmentId());
            case PARTY_MEMBER -> caller.hasRole(Roles.PARTY_MEMBER) && caller.isSubject(assignee.id());
            case GRID_WORKER -> caller.hasRole(Roles.GRID_WORKER) && caller.isSubject(assignee.id());
        };
    }

    private Stored stored() {
        if (stored == null) {
            stored = lookup.apply(event.caseId());
        }
        return stored;
    }
}
