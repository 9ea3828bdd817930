package io.jenkins.plugins.upstreampr.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The direct dependencies of one {@code pom.xml}, with versions resolved from its properties and, for a module of this
 * reactor, from the root POM's properties and dependency management. Enough to compare two POMs of this repository;
 * not a Maven model (no profiles, no imported BOMs).
 */
final class Pom {
    private final List<Dependency> dependencies;
    // what a child module inherits from this POM: its properties and dependency management
    private final Map<String, String> properties;
    private final List<Dependency> managed;

    private Pom(List<Dependency> dependencies, Map<String, String> properties, List<Dependency> managed) {
        this.dependencies = List.copyOf(dependencies);
        this.properties = Map.copyOf(properties);
        this.managed = List.copyOf(managed);
    }

    List<Dependency> dependencies() {
        return dependencies;
    }

    /** One dependency; {@code key} is {@code groupId:artifactId:type}. */
    record Dependency(String groupId, String artifactId, String type, String version, String scope,
            Set<String> exclusions) {
        String key() {
            return groupId + ":" + artifactId + ":" + type;
        }
    }

    static Pom read(Path file, Pom parentManagement) {
        Document document = parse(file);
        Element project = document.getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        String version = text(project, "version");
        Element parent = child(project, "parent");
        if (version == null && parent != null) {
            version = text(parent, "version");
        }
        properties.put("project.version", version);
        if (parentManagement != null) {
            properties.putAll(parentManagement.properties);
        }
        Element props = child(project, "properties");
        if (props != null) {
            for (Element property : children(props)) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        List<Dependency> managed = new ArrayList<>();
        Element management = child(project, "dependencyManagement");
        if (management != null) {
            managed.addAll(dependencies(child(management, "dependencies"), properties, List.of()));
        }
        if (parentManagement != null) {
            managed.addAll(parentManagement.managed);
        }
        List<Dependency> direct = dependencies(child(project, "dependencies"), properties, managed);
        properties.values().removeIf(java.util.Objects::isNull);
        return new Pom(direct, properties, managed);
    }

    Dependency dependency(String key) {
        return dependencies.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }

    Pom without(String key) {
        return new Pom(dependencies.stream().filter(d -> !d.key().equals(key)).toList(), properties, managed);
    }

    Pom withVersion(String key, String version) {
        return new Pom(dependencies.stream().map(d -> d.key().equals(key)
                ? new Dependency(d.groupId(), d.artifactId(), d.type(), version, d.scope(), d.exclusions())
                : d).toList(), properties, managed);
    }

    private static List<Dependency> dependencies(Element list, Map<String, String> properties,
            List<Dependency> managed) {
        List<Dependency> dependencies = new ArrayList<>();
        if (list == null) {
            return dependencies;
        }
        for (Element element : children(list)) {
            String groupId = resolve(text(element, "groupId"), properties);
            String artifactId = resolve(text(element, "artifactId"), properties);
            String type = text(element, "type") == null ? "jar" : text(element, "type");
            String version = resolve(text(element, "version"), properties);
            String key = groupId + ":" + artifactId + ":" + type;
            if (version == null) {
                version = managed.stream().filter(m -> m.key().equals(key)).map(Dependency::version).findFirst()
                        .orElse(null);
            }
            Set<String> exclusions = new TreeSet<>();
            Element excluded = child(element, "exclusions");
            if (excluded != null) {
                for (Element exclusion : children(excluded)) {
                    exclusions.add(text(exclusion, "groupId") + ":" + text(exclusion, "artifactId"));
                }
            }
            dependencies.add(new Dependency(groupId, artifactId, type, version, text(element, "scope"), exclusions));
        }
        return dependencies;
    }

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private static String resolve(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        String resolved = value;
        for (int depth = 0; depth < 10 && resolved.contains("${"); depth++) {
            Matcher m = PROPERTY.matcher(resolved);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = properties.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
            }
            m.appendTail(out);
            resolved = out.toString();
        }
        return resolved;
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(file + " is not a readable POM: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Element element : children(parent)) {
            if (element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
