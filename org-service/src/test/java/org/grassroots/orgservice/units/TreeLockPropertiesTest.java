package org.grassroots.orgservice.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TreeLockPropertiesTest {

    @Test
    void givenTheSettingsWaitAndLease_whenBound_thenTheRecordCarriesThem() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "grassroots.org.tree-lock.lease", "PT3M", "grassroots.org.tree-lock.wait", "PT4S")));

        TreeLockProperties bound = binder.bind("grassroots.org.tree-lock", TreeLockProperties.class).get();

        assertThat(bound.lease()).isEqualTo(Duration.ofMinutes(3));
        assertThat(bound.waitFor()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void givenNoSettings_thenTheDefaultsHold() {
        TreeLockProperties defaults = new TreeLockProperties(null, null);

        assertThat(defaults.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.waitFor()).isEqualTo(Duration.ofSeconds(10));
    }
}
