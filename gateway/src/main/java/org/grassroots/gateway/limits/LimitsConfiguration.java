package org.grassroots.gateway.limits;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The request limits: body size and admission always; rate limits unless
 * {@code grassroots.gateway.rate-limit.enabled=false}. Admission and the per-address limit are asked by
 * the front door's filter ({@code FrontDoorFilter}), not filters of their own.
 * <p>
 * The rate limits' beans exist either way and read the switch when the gateway starts: a bean that
 * came and went with a property would be fixed when the build works out the beans ahead of time
 * (process-aot), and the launcher's switch would be ignored.
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
    ClientIpRateLimit clientIpRateLimit(RateLimitProperties limits, ProblemResponseWriter problems) {
        return new ClientIpRateLimit(limits.enabled(),
                new RateLimiter(limits.perClientIp(), limits.maxTrackedKeys(), System::nanoTime), problems);
    }

    @Bean
    UserRateLimitFilter userRateLimitFilter(RateLimitProperties limits, ProblemResponseWriter problems) {
        return new UserRateLimitFilter(limits.enabled(),
                new RateLimiter(limits.perUser(), limits.maxTrackedKeys(), System::nanoTime), problems);
    }
}
