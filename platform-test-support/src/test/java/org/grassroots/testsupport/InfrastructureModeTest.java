package org.grassroots.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class InfrastructureModeTest {

    @Test
    void auto_is_the_default_and_uses_containers_when_docker_answers() {
        assertThat(InfrastructureMode.decide(null, null, () -> true)).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void auto_falls_back_to_embedded_when_no_docker_engine_answers() {
        assertThat(InfrastructureMode.decide(null, "auto", () -> false)).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void an_explicit_mode_does_not_ask_docker() {
        assertThat(InfrastructureMode.decide(null, "embedded", () -> fail("Docker asked"))).isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(InfrastructureMode.decide(null, " Containers ", () -> fail("Docker asked"))).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void the_system_property_wins_over_the_environment_variable() {
        assertThat(InfrastructureMode.decide("embedded", "containers", () -> true)).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void an_unknown_mode_is_refused() {
        assertThatThrownBy(() -> InfrastructureMode.decide("docker", null, () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GRASSROOTS_TEST_INFRA must be embedded, containers or auto");
    }
}
