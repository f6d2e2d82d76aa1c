package org.grassroots.testsupport;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service for checking {@link ServiceIntegrationTest} end to end. */
@SpringBootApplication
class SampleServiceApplication {

    @RestController
    static class WhoAmIController {

        @GetMapping("/api/whoami")
        Map<String, Object> whoAmI(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("subject", jwt.getSubject(), "orgPath", jwt.getClaimAsString("org_path"));
        }
    }
}
