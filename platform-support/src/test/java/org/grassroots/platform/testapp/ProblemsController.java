package org.grassroots.platform.testapp;

import java.util.List;
import java.util.Map;

import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Raises each kind of error the platform answers with problem details. */
@RestController
class ProblemsController {

    record ReportRequest(@NotBlank String description, @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

    @PostMapping("/api/test/reports")
    Map<String, String> report(@Valid @RequestBody ReportRequest request) {
        return Map.of("description", request.description());
    }

    @GetMapping("/api/test/reports/{id}")
    Map<String, String> find(@PathVariable String id) {
        throw new NotFoundException("Report", id);
    }

    @PostMapping("/api/test/reports/{id}/dispatch")
    Map<String, String> dispatch(@PathVariable String id, @RequestParam long version) {
        throw new VersionConflictException("Report", id, version);
    }

    @PostMapping("/api/test/reports/{id}/close")
    Map<String, String> close(@PathVariable String id) {
        throw new InvalidStateException("A report in state REPORTED cannot be closed");
    }

    @GetMapping("/api/test/admin")
    @PreAuthorize("hasRole('platform_admin')")
    Map<String, String> adminOnly() {
        return Map.of("ok", "yes");
    }

    @GetMapping("/api/test/me")
    Caller me(Caller caller) {
        return caller;
    }

    /** The Spring Security classes on this request's way here, outermost last. */
    @GetMapping("/api/test/security-frames")
    List<String> securityFrames() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.startsWith("org.springframework.security.")).distinct().toList());
    }

    @GetMapping("/api/test/boom")
    Map<String, String> boom() {
        throw new IllegalStateException("database password is hunter2");
    }
}
