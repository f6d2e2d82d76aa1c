package org.grassroots.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the checkout is, seen from the deploy-tests module (Maven runs tests in the module directory). */
final class Repository {

    /** The six applications, as Maven modules, image names and Kubernetes Deployment names alike. */
    static final List<String> APPLICATIONS = List.of(
            "gateway", "org-service", "grid-service", "case-service", "volunteer-service", "evaluation-service");

    static final List<String> SERVICES = APPLICATIONS.subList(1, APPLICATIONS.size());

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no checkout with deploy/k8s above " + Path.of("").toAbsolutePath());
    }

    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    static Path overlay(String name) {
        return k8s().resolve("overlays").resolve(name);
    }
}
