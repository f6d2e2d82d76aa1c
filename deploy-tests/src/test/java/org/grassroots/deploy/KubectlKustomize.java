package org.grassroots.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code kubectl kustomize}, the renderer an administrator uses, when kubectl is on the PATH. */
final class KubectlKustomize {

    private KubectlKustomize() {
    }

    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<ObjectNode> render(Path directory) {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl is not on the PATH"));
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                        .redirectOutput(output.toFile())
                        .redirectError(errors.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + directory + " took longer than 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed: "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return Yaml.documents(Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
