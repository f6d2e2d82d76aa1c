package org.grassroots.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class InfrastructureModeTest {

    @Test
    void givenNoModeAndDockerAnswering_whenDeciding_thenAutoIsTheDefaultAndUsesContainers() {
        assertThat(InfrastructureMode.decide(null, null, () -> true)).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void givenAutoAndNoDockerEngineAnswering_whenDeciding_thenItFallsBackToEmbedded() {
        assertThat(InfrastructureMode.decide(null, "auto", () -> false)).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void givenAnExplicitMode_whenDeciding_thenDockerIsNotAsked() {
        assertThat(InfrastructureMode.decide(null, "embedded", () -> fail("Docker asked"))).isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(InfrastructureMode.decide(null, " Containers ", () -> fail("Docker asked"))).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void givenASystemPropertyAndAnEnvironmentVariable_whenDeciding_thenTheSystemPropertyWins() {
        assertThat(InfrastructureMode.decide("embedded", "containers", () -> true)).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void givenAnUnknownMode_whenDeciding_thenItIsRefused() {
        assertThatThrownBy(() -> InfrastructureMode.decide("docker", null, () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GRASSROOTS_TEST_INFRA must be embedded, containers or auto");
    }
}
