package io.taquilla.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one module actually reads, taken from its code: the port in its application.yaml, the
 * {@code ${ENV_NAME:...}} placeholders there and in its (and its platform modules') sources, the
 * property keys an environment variable can bind to by Spring's relaxed binding, and the
 * {@code @ConfigurationProperties} prefixes.
 */
record ServiceFacts(String module, Integer port, boolean probesEnabled, Map<String, String> placeholders,
                    Set<String> propertyKeys, Set<String> configurationPrefixes) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern PROPERTIES_PREFIX = Pattern.compile(
            "@ConfigurationProperties\\((?:prefix\\s*=\\s*|value\\s*=\\s*)?\"([a-z0-9.-]+)\"");
    private static final Pattern PLATFORM_DEPENDENCY = Pattern.compile("<artifactId>(platform-[a-z-]+)</artifactId>");

    /** Reads {@code <root>/<module>}: its application.yaml, its main sources and those of the platform modules it uses. */
    static ServiceFacts read(Path root, String module) {
        Path yamlFile = root.resolve(module).resolve("src/main/resources/application.yaml");
        String yamlText = Repo.read(yamlFile);
        Map<String, Object> flat = new HashMap<>();
        Tree.flatten("", Repo.yaml(yamlFile), flat);

        Map<String, String> placeholders = new HashMap<>();
        Set<String> prefixes = new TreeSet<>();
        collect(yamlText, placeholders, prefixes);
        sources(root.resolve(module)).forEach(text -> collect(text, placeholders, prefixes));
        Matcher dependency = PLATFORM_DEPENDENCY.matcher(Repo.read(root.resolve(module).resolve("pom.xml")));
        while (dependency.find()) {
            sources(root.resolve(dependency.group(1))).forEach(text -> collect(text, placeholders, prefixes));
        }

        Set<String> keys = new TreeSet<>();
        flat.keySet().forEach(key -> keys.add(relaxed(key)));
        Object port = flat.get("server.port");
        return new ServiceFacts(module, port == null ? null : Integer.valueOf(String.valueOf(port)),
                Boolean.TRUE.equals(flat.get("management.endpoint.health.probes.enabled")),
                Map.copyOf(placeholders), keys, Set.copyOf(prefixes));
    }

    static void collect(String text, Map<String, String> placeholders, Set<String> prefixes) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            placeholders.putIfAbsent(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        Matcher p = PROPERTIES_PREFIX.matcher(text);
        while (p.find()) {
            prefixes.add(relaxed(p.group(1)));
        }
    }

    private static Stream<String> sources(Path module) {
        Path main = module.resolve("src/main");
        if (!Files.isDirectory(main)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")
                            || f.toString().endsWith(".properties"))
                    .map(Repo::read)
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spring's relaxed form: lower case, dashes dropped; for env names, '_' becomes '.'. */
    static String relaxed(String propertyOrEnv) {
        String lower = propertyOrEnv.toLowerCase(Locale.ROOT).replace("-", "");
        return propertyOrEnv.equals(propertyOrEnv.toUpperCase(Locale.ROOT)) ? lower.replace('_', '.') : lower;
    }

    /** True if setting this environment variable changes something in the module. */
    boolean reads(String env) {
        if (placeholders.containsKey(env) || RuntimeContract.JVM_ENVIRONMENT.contains(env)) {
            return true;
        }
        String property = relaxed(env);
        if (propertyKeys.contains(property)) {
            return true;
        }
        return configurationPrefixes.stream().anyMatch(prefix -> property.startsWith(prefix + "."));
    }

    /** Placeholders whose default only makes sense on a laptop: a deployment must set them. */
    Set<String> pointingAtLocalhost() {
        Set<String> names = new TreeSet<>();
        placeholders.forEach((name, fallback) -> {
            if (fallback.contains("localhost") || fallback.contains("127.0.0.1")) {
                names.add(name);
            }
        });
        return names;
    }

    static Map<String, ServiceFacts> readAll(Path root) {
        Map<String, ServiceFacts> all = new java.util.LinkedHashMap<>();
        RuntimeContract.PORTS.keySet().forEach(module -> all.put(module, read(root, module)));
        return all;
    }
}
