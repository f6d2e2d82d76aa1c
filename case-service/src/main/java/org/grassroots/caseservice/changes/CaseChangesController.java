package org.grassroots.caseservice.changes;

import java.time.Clock;
import java.time.Instant;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.problem.ProblemException;
import org.grassroots.platform.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/cases/changes}: a server-sent event stream with one {@code case-changed} event
 * per case event in the caller's scope, from the moment it opens. It says what changed, not the
 * whole case: a console updates the row or reads the case again. There is no replay: on
 * reconnecting, a console reads its lists again. A browser's {@code EventSource} cannot send a
 * bearer token, so clients read the stream with {@code fetch} and the {@code Authorization} header.
 */
@RestController
@RequestMapping("/api/cases")
@EnableConfigurationProperties(CaseChangesProperties.class)
class CaseChangesController {

    private static final String RETRY_AFTER_SECONDS = "15";

    private final ChangeStreams streams;
    private final CaseChangesProperties properties;
    private final Clock clock;

    CaseChangesController(ChangeStreams streams, CaseChangesProperties properties, Clock clock) {
        this.streams = streams;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/changes")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<SseEmitter> changes(Caller caller, Authentication authentication, HttpServletResponse response) {
        if (!properties.enabled()) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "Case changes are not streamed by this instance; read the lists instead");
        }
        Instant expiresAt = authentication.getPrincipal() instanceof Jwt jwt ? jwt.getExpiresAt() : null;
        SseEmitter emitter;
        try {
            emitter = streams.open(caller, expiresAt, clock.instant());
        } catch (ChangeStreams.TooManyStreams full) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "This instance streams as many case changes as it can; try again shortly or read the lists");
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // Proxies such as nginx (a Kubernetes ingress) would otherwise hold the events back.
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }
}
