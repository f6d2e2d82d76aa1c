package org.grassroots.systemtests.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.RestartableKafka;
import org.grassroots.testsupport.TestTokenIssuer;

/**
 * The platform as the fault suite runs it, once for the whole suite: a real Kafka broker in a
 * process of its own (which the suite kills with SIGKILL and starts again on the same log
 * directory), the MongoDB-wire store, and org-, grid-, case-, volunteer- and evaluation-service,
 * each in its own JVM from its runnable jar, as {@code ./grassroots up} starts them. Tokens are
 * signed by the test issuer ({@link TestTokenIssuer}), which the services are given as their
 * Keycloak: no Keycloak and no gateway are needed to exercise the services' events.
 *
 * <p>Ports are the fault suite's own (22xxx), so it never meets the end-to-end suite (18xxx) or a
 * developer's platform; logs are in {@code system-tests/target/faults/logs/}.
 */
final class FaultPlatform implements AutoCloseable {

    static final int KAFKA_PORT = 22092;
    static final int KAFKA_CONTROLLER_PORT = 22093;
    static final Map<String, Integer> PORTS = Map.of(
            "org-service", 22081, "grid-service", 22082, "case-service", 22083,
            "volunteer-service", 22084, "evaluation-service", 22085);
    static final Map<String, Integer> REPLAY_PORTS = Map.of("volunteer-service", 22094, "evaluation-service", 22095);
    static final Map<String, Integer> SECOND_INSTANCE_PORTS = Map.of("case-service", 22096);
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path checkout;
    private final Path workDirectory;
    private final RestartableKafka kafka;
    private final String mongo;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<ServiceProcess> replicas = new ArrayList<>();

    private FaultPlatform(Path checkout, Path workDirectory, RestartableKafka kafka, String mongo) {
        this.checkout = checkout;
        this.workDirectory = workDirectory;
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /** Starts the broker, the store and the five services, and waits until every one is ready. */
    static FaultPlatform start() {
        Path module = Path.of("").toAbsolutePath();
        Path checkout = Files.exists(module.resolve("grassroots")) ? module : module.getParent();
        Path work = workDirectory(module);
        RestartableKafka kafka = RestartableKafka.start(KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        FaultPlatform platform = new FaultPlatform(checkout, work, kafka, PlatformInfrastructure.mongoConnectionString());
        try {
            for (String name : List.of("org-service", "grid-service", "case-service", "volunteer-service",
                    "evaluation-service")) {
                List<String> arguments = new ArrayList<>();
                if (name.equals("case-service")) {
                    // The breaker around grid-service lets a trial call through 5 s after it opened
                    // (30 s by default), so the suite sees it close within its time bound.
                    arguments.add("--grassroots.grid-service.wait-in-open-state=5s");
                }
                platform.services.put(name, platform.process(name, name, PORTS.get(name), "faults-" + name, arguments));
            }
            platform.services.values().forEach(ServiceProcess::start);
            platform.services.values().forEach(service -> service.awaitReady(START_TIMEOUT));
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /**
     * A second instance of a running service, as a deployment scaled to two runs it: the same
     * database, the same consumer groups, a port of its own ({@link #SECOND_INSTANCE_PORTS}).
     */
    ServiceProcess startSecondInstance(String name) {
        ServiceProcess second = process(name, name + "-2", SECOND_INSTANCE_PORTS.get(name), "faults-" + name, List.of());
        replicas.add(second);
        second.start();
        return second;
    }

    /**
     * A fresh instance of a consumer service, as if newly deployed: an empty database of its own and
     * a consumer group that has never committed, so it reads every topic from the beginning.
     */
    ServiceProcess startFresh(String name) {
        String instance = name + "-replay";
        ServiceProcess fresh = process(name, instance, REPLAY_PORTS.get(name), "faults-" + instance,
                List.of("--spring.kafka.consumer.group-id=" + instance));
        replicas.add(fresh);
        fresh.start();
        return fresh;
    }

    private ServiceProcess process(String application, String instance, int port, String database,
            List<String> arguments) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MONGODB_URI", mongo);
        env.put("MONGODB_DATABASE", database);
        env.put("KEYCLOAK_ISSUER_URI", TestTokenIssuer.issuer());
        env.put("KEYCLOAK_JWK_SET_URI", TestTokenIssuer.jwkSetUri());
        env.put(portVariable(application), String.valueOf(port));
        PORTS.forEach((name, servicePort) ->
                env.put(urlVariable(name), "http://127.0.0.1:" + servicePort));
        return new ServiceProcess(instance, jarOf(application), port, env, arguments,
                workDirectory.resolve("logs/" + instance + ".log"));
    }

    /** {@code system-tests/target/faults}, whether the tests run from the module or the checkout. */
    static Path workDirectory(Path directory) {
        Path checkout = Files.exists(directory.resolve("grassroots")) ? directory : directory.getParent();
        return checkout.resolve("system-tests/target/faults");
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    RestartableKafka kafka() {
        return kafka;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Path checkout() {
        return checkout;
    }

    Path workDirectory() {
        return workDirectory;
    }

    /** Stops every process this platform started: the services first, then the broker. */
    @Override
    public void close() {
        replicas.forEach(ServiceProcess::kill);
        services.values().forEach(ServiceProcess::kill);
        kafka.close();
    }

    private Path jarOf(String application) {
        Path target = checkout.resolve(application).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().startsWith(application + "-")
                            && file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runnable jar in " + target
                            + ": build it first (./mvnw -DskipTests install, or verify through the reactor)"));
        } catch (IOException e) {
            throw new UncheckedIOException("No " + target + ": build " + application + " first", e);
        }
    }

    private static String portVariable(String application) {
        return application.replace("-service", "").toUpperCase() + "_SERVICE_PORT";
    }

    private static String urlVariable(String application) {
        return application.replace("-service", "").toUpperCase() + "_SERVICE_URL";
    }
}
