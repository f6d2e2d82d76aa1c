package org.grassroots.gateway.limits;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request limits: body size always; rate limits unless {@code grassroots.gateway.rate-limit.enabled=false}.
 * The per-address limit is asked by the front door's filter ({@code FrontDoorFilter}), not a filter of its own.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(RequestLimitProperties limits, ProblemResponseWriter problems) {
        return new RequestSizeLimitFilter(limits.maxRequestBody().toBytes(), limits.maxPhotoUploadBody().toBytes(),
                problems);
    }

    @Bean
    @ConditionalOnProperty(name = "grassroots.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    ClientIpRateLimit clientIpRateLimit(RateLimitProperties limits, ProblemResponseWriter problems) {
        return new ClientIpRateLimit(
                new RateLimiter(limits.perClientIp(), limits.maxTrackedKeys(), System::nanoTime), problems);
    }

    @Bean
    @ConditionalOnProperty(name = "grassroots.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    UserRateLimitFilter userRateLimitFilter(RateLimitProperties limits, ProblemResponseWriter problems) {
        return new UserRateLimitFilter(
                new RateLimiter(limits.perUser(), limits.maxTrackedKeys(), System::nanoTime), problems);
    }
}
