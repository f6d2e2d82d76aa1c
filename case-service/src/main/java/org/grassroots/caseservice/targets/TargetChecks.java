package org.grassroots.caseservice.targets;

import java.util.List;

import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.springframework.stereotype.Component;

/**
 * The checks the case commands make against {@link TargetDirectory}: work goes only to a department that is
 * registered and active, a party member who is not retired, a grid worker who holds a post. A target created
 * a moment ago is accepted as soon as its event has reached case-service (usually within a second).
 */
@Component
public class TargetChecks {

    private final TargetDirectory directory;

    TargetChecks(TargetDirectory directory) {
        this.directory = directory;
    }

    /** 派单: the assignee must exist and be able to take work. */
    public void requireAssignable(Assignee assignee) {
        String id = assignee.id();
        String reason = switch (assignee.kind()) {
            case DEPARTMENT -> departmentProblem(id);
            case PARTY_MEMBER -> directory.isActivePartyMember(id) ? null
                    : "is not a party member in service known to case-service (org-service's party members, by user id)";
            case GRID_WORKER -> directory.isActiveGridStaff(id) ? null
                    : "is not a grid worker holding a post (grid-service's grid staff, by user id)";
        };
        if (reason != null) {
            throw new InvalidFieldException("assignee.id", reason);
        }
    }

    /**
     * Whether an open case is still held (dispatched or claimed) by a department that has been retired
     * since: such a case may be dispatched again without being returned first.
     */
    public boolean holderRetired(CaseStatus status, Assignee holder) {
        return (status == CaseStatus.DISPATCHED || status == CaseStatus.CLAIMED) && holder != null
                && holder.kind() == AssigneeKind.DEPARTMENT && directory.isRetiredDepartment(holder.id());
    }

    /** 吹哨: every summoned department must exist and be active. */
    public void requireSummonable(List<String> departmentIds) {
        List<FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < departmentIds.size(); i++) {
            String reason = departmentProblem(departmentIds.get(i).strip());
            if (reason != null) {
                errors.add(new FieldError("departmentIds[" + i + "]", reason));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    /** 报到: the caller's own department (token claim department_id) must exist and be active. */
    public void requireReportingIn(String departmentId) {
        String reason = departmentId == null ? "is missing from the caller's token (claim department_id)"
                : departmentProblem(departmentId);
        if (reason != null) {
            throw new InvalidFieldException("departmentId", reason);
        }
    }

    private String departmentProblem(String code) {
        if (directory.isActiveDepartment(code)) {
            return null;
        }
        return directory.isRetiredDepartment(code) ? "is a retired department; choose a current one"
                : "is not a department registered with org-service (GET /api/departments)";
    }
}
