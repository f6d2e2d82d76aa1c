package org.grassroots.volunteerservice.timebank;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time bank's limits (after Nanjing's 志愿服务时间储蓄): at most {@code storageCapHours} stored,
 * a member's balance never below {@code -negativeLimitHours}, donations only to relatives aged
 * {@code donationMinAge} or more; half-applied transfers are finished after {@code recoveryAfter}.
 */
@ConfigurationProperties("grassroots.timebank")
public record TimeBankSettings(Integer storageCapHours, Integer negativeLimitHours, Integer donationMinAge,
        Duration recoveryAfter, Duration recoveryInterval) {

    public TimeBankSettings {
        storageCapHours = storageCapHours == null ? 1500 : storageCapHours;
        negativeLimitHours = negativeLimitHours == null ? 0 : negativeLimitHours;
        donationMinAge = donationMinAge == null ? 60 : donationMinAge;
        recoveryAfter = recoveryAfter == null ? Duration.ofSeconds(10) : recoveryAfter;
        recoveryInterval = recoveryInterval == null ? Duration.ofSeconds(15) : recoveryInterval;
        if (storageCapHours < 1 || negativeLimitHours < 0 || donationMinAge < 0) {
            throw new IllegalArgumentException("grassroots.timebank: the cap must be positive, the limits not negative");
        }
    }

    long capMinutes() {
        return storageCapHours * 60L;
    }

    long floorMinutes() {
        return -negativeLimitHours * 60L;
    }
}
