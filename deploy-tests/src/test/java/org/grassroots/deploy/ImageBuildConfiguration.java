package org.grassroots.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Jib configuration as Maven sees it for an application: the root pom's plugin management with its
 * properties substituted, read from the poms themselves. Images cannot be built on a machine without a
 * registry, so this is how the build proves the image configuration is what docs/deploy.md says.
 */
final class ImageBuildConfiguration {

    static final String JIB = "jib-maven-plugin";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private ImageBuildConfiguration() {
    }

    static Document pom(Path file) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable " + file, e);
        }
    }

    static Document rootPom() {
        return pom(Repository.root().resolve("pom.xml"));
    }

    static List<String> modules() {
        return texts(child(rootPom().getDocumentElement(), "modules").orElseThrow(), "module");
    }

    /** The modules whose build declares the Jib plugin: exactly the ones that are images. */
    static List<String> modulesBuildingImages() {
        List<String> modules = new ArrayList<>();
        for (String module : modules()) {
            Element project = pom(Repository.root().resolve(module).resolve("pom.xml")).getDocumentElement();
            Optional<Element> plugins = child(project, "build").flatMap(build -> child(build, "plugins"));
            if (plugins.isPresent() && children(plugins.get(), "plugin").stream()
                    .anyMatch(plugin -> text(plugin, "artifactId").equals(JIB))) {
                modules.add(module);
            }
        }
        return modules;
    }

    static Map<String, String> rootProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        child(rootPom().getDocumentElement(), "properties").ifPresent(element -> children(element, null)
                .forEach(property -> properties.put(property.getTagName(), property.getTextContent().trim())));
        return properties;
    }

    /** The managed Jib plugin element of the root pom. */
    static Element managedPlugin() {
        Element pluginManagement = child(child(rootPom().getDocumentElement(), "build").orElseThrow(), "pluginManagement")
                .orElseThrow();
        return children(child(pluginManagement, "plugins").orElseThrow(), "plugin").stream()
                .filter(plugin -> text(plugin, "artifactId").equals(JIB)).findFirst()
                .orElseThrow(() -> new AssertionError("no managed " + JIB + " in the root pom"));
    }

    /** A value of the managed configuration by path ("container/user"), properties resolved for a module. */
    static String setting(String path, String module, Map<String, String> overrides) {
        Element node = child(managedPlugin(), "configuration").orElseThrow();
        for (String step : path.split("/")) {
            node = child(node, step).orElseThrow(() -> new AssertionError("no <" + step + "> in Jib's " + path));
        }
        return resolve(node.getTextContent().trim(), module, overrides);
    }

    static String resolve(String value, String module, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>(rootProperties());
        properties.put("project.artifactId", module);
        properties.put("project.version", text(rootPom().getDocumentElement(), "version"));
        properties.putAll(overrides);
        String resolved = value;
        for (int depth = 0; depth < 10 && resolved.contains("${"); depth++) {
            Matcher matcher = PROPERTY.matcher(resolved);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String replacement = properties.getOrDefault(matcher.group(1), matcher.group(0));
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(out);
            resolved = out.toString();
        }
        return resolved;
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                children.add(element);
            }
        }
        return children;
    }

    static String text(Element parent, String name) {
        return child(parent, name).map(element -> element.getTextContent().trim()).orElse("");
    }

    static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(element -> element.getTextContent().trim()).toList();
    }
}
