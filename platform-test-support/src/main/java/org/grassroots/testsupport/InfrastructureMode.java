package org.grassroots.testsupport;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Where the test JVM gets its Kafka and MongoDB from, decided once per JVM.
 *
 * <p>{@code GRASSROOTS_TEST_INFRA} (system property first, then environment variable) is
 * {@code embedded}, {@code containers} or {@code auto} (the default): auto uses Testcontainers
 * when a Docker engine answers and the in-JVM servers otherwise.
 */
enum InfrastructureMode {

    EMBEDDED,
    CONTAINERS;

    static final String SETTING = "GRASSROOTS_TEST_INFRA";

    private static final Logger log = LoggerFactory.getLogger(InfrastructureMode.class);

    private static InfrastructureMode chosen;

    static synchronized InfrastructureMode chosen() {
        if (chosen == null) {
            chosen = decide(System.getProperty(SETTING), System.getenv(SETTING), InfrastructureMode::dockerAnswers);
        }
        return chosen;
    }

    /** The system property wins over the environment variable; Docker is asked only in auto mode. */
    static InfrastructureMode decide(String systemProperty, String environmentVariable, BooleanSupplier dockerAnswers) {
        String setting = systemProperty;
        String origin = "system property";
        if (setting == null || setting.isBlank()) {
            setting = environmentVariable;
            origin = "environment variable";
        }
        if (setting == null || setting.isBlank()) {
            setting = "auto";
            origin = "default";
        }
        String value = setting.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "embedded" -> {
                log.info("Grassroots test infrastructure: embedded (KRaft broker and mongo-java-server in this JVM)"
                        + " because {}=embedded ({})", SETTING, origin);
                return EMBEDDED;
            }
            case "containers" -> {
                log.info("Grassroots test infrastructure: containers (Testcontainers Kafka and MongoDB)"
                        + " because {}=containers ({})", SETTING, origin);
                return CONTAINERS;
            }
            case "auto" -> {
                if (dockerAnswers.getAsBoolean()) {
                    log.info("Grassroots test infrastructure: containers (Testcontainers Kafka and MongoDB)"
                            + " because {}=auto ({}) and a Docker engine answers", SETTING, origin);
                    return CONTAINERS;
                }
                log.info("Grassroots test infrastructure: embedded (KRaft broker and mongo-java-server in this JVM)"
                        + " because {}=auto ({}) and no Docker engine answers", SETTING, origin);
                return EMBEDDED;
            }
            default -> throw new IllegalStateException(
                    SETTING + " must be embedded, containers or auto, not '" + setting + "'");
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            // A broken Docker configuration means the same as no Docker: fall back to embedded.
            return false;
        }
    }
}
