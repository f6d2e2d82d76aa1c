package org.grassroots.gateway.limits;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The request limits: body size and admission always; rate limits unless
 * {@code grassroots.gateway.rate-limit.enabled=false}. Admission and the per-address limit are asked by
 * the front door's filter ({@code FrontDoorFilter}), not filters of their own.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    Admission admission(AdmissionProperties settings, ProblemResponseWriter problems, MeterRegistry meters) {
        return new Admission(settings, problems, meters);
    }

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
