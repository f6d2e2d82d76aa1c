package org.grassroots.caseservice.cases.web;

import java.util.List;

import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.SlaStage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The bodies of {@code POST /api/cases/{id}/{command}}. Each may carry the {@code version} the
 * caller last saw: if the case has changed since, the command is refused with 409 instead of
 * acting on a case the caller has not seen.
 */
final class CaseCommandRequests {

    private CaseCommandRequests() {
    }

    record AcceptCaseRequest(@Positive Long version, @Size(max = 1000) String note) {
    }

    record CancelCaseRequest(@Positive Long version, @NotBlank @Size(max = 1000) String reason) {
    }

    record DispatchCaseRequest(@Positive Long version, @NotNull @Valid AssigneeBody assignee,
            @Size(max = 1000) String note) {
    }

    /** A department id, or the user id of a party member or grid worker; the name as staff see it. */
    record AssigneeBody(@NotNull AssigneeKind kind, @NotBlank @Size(max = 64) String id,
            @Size(max = 100) String displayName) {

        Assignee toAssignee() {
            return new Assignee(kind, id.strip(), displayName);
        }
    }

    record ClaimCaseRequest(@Positive Long version) {
    }

    record ReturnCaseRequest(@Positive Long version, @NotBlank @Size(max = 1000) String reason) {
    }

    /** What was done, and the object-store keys of the photos taken afterwards. */
    record ResolveCaseRequest(@Positive Long version, @NotBlank @Size(max = 2000) String note,
            @Size(max = 20) List<@NotBlank @Size(max = 300) String> attachments) {
    }

    /** The on-site check: {@code passed} closes the case, otherwise it goes back for rework. */
    record VerifyCaseRequest(@Positive Long version, @NotNull Boolean passed, @Size(max = 1000) String note) {
    }

    record ParkCaseRequest(@Positive Long version, @NotBlank @Size(max = 1000) String reason) {
    }

    /** 发回重办 of a closed case by staff on review: what is still wrong. */
    record ReopenCaseRequest(@Positive Long version, @NotBlank @Size(max = 1000) String reason) {
    }

    record EscalateCaseRequest(@Positive Long version, @NotBlank @Size(max = 1000) String reason) {
    }

    /** 吹哨: the departments summoned (department ids as org-service knows them) and what for. */
    record WhistleCaseRequest(@Positive Long version,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 64) String> departmentIds,
            @NotBlank @Size(max = 1000) String reason) {
    }

    record ReportInRequest(@Positive Long version) {
    }

    /**
     * 延时: how much more time ({@code 4h}, {@code 2d}, or {@code 30m} for an emergency tier), for
     * which stage (optional: the running one), and why.
     */
    record ExtendCaseRequest(@Positive Long version, SlaStage stage,
            @NotBlank @Pattern(regexp = "\\d{1,4}[hdm]", message = "must be a time limit such as 4h, 2d or 30m")
            String extension,
            @NotBlank @Size(max = 1000) String reason) {
    }

    record SuperviseCaseRequest(@Positive Long version, @Size(max = 1000) String note) {
    }

    /** Waiting for the resident: what for. */
    record PauseCaseRequest(@Positive Long version, @NotBlank @Size(max = 1000) String reason) {
    }

    record ResumeCaseRequest(@Positive Long version) {
    }
}
