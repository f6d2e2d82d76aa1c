package org.grassroots.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables an application reads, with their local defaults, taken from its own
 * application.yml and, for the services, platform-support's grassroots-defaults.properties. The manifests
 * are checked against these, so a variable a developer adds is noticed by the deployment.
 */
final class ApplicationConfiguration {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}$]*))?");

    private ApplicationConfiguration() {
    }

    /** Variable name → its default where the file gives one ("" otherwise). */
    static Map<String, String> variables(String application) {
        Path root = Repository.root();
        Map<String, String> variables = new LinkedHashMap<>();
        if (read(root.resolve(application).resolve("pom.xml")).contains("<artifactId>platform-support</artifactId>")) {
            collect(read(root.resolve("platform-support/src/main/resources/grassroots-defaults.properties")), variables);
        }
        collect(read(root.resolve(application).resolve("src/main/resources/application.yml")), variables);
        return variables;
    }

    /**
     * Variables that must be set in a cluster: addresses (their defaults point at this machine), ports, and
     * keys (a default key would be a published one).
     */
    static Map<String, String> mustBeSet(String application) {
        Map<String, String> required = new LinkedHashMap<>();
        variables(application).forEach((name, defaultValue) -> {
            if (defaultValue.contains("localhost") || name.endsWith("_PORT") || isKey(name) || name.startsWith("MONGODB_")
                    || name.startsWith("KAFKA_") || name.startsWith("KEYCLOAK_")) {
                required.put(name, defaultValue);
            }
        });
        return required;
    }

    /** An encryption or signing key: a credential, which only a Secret may carry. */
    static boolean isKey(String variable) {
        return variable.endsWith("_KEY");
    }

    /** The services an application calls directly: one per {@code <SERVICE>_SERVICE_URL} variable it reads. */
    static Set<String> calledServices(String application) {
        Set<String> called = new TreeSet<>();
        variables(application).keySet().stream().filter(name -> name.endsWith("_SERVICE_URL"))
                .forEach(name -> called.add(name.substring(0, name.length() - "_URL".length()).toLowerCase(Locale.ROOT).replace('_', '-')));
        return called;
    }

    private static void collect(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            variables.putIfAbsent(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
