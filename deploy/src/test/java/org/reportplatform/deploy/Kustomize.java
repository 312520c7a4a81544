package org.reportplatform.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small Kustomize: renders a kustomization directory into its documents, with no kubectl or kustomize binary.
 *
 * <p>It knows only the fields deploy/ uses, and refuses any other, so a kustomization can never rely on a
 * feature that these tests would silently skip:
 * <ul>
 *   <li>{@code resources}: YAML files (several documents each) and directories holding a kustomization.yaml;</li>
 *   <li>{@code configMapGenerator} with {@code name}, {@code envs} ({@code KEY=value} files) and
 *       {@code options: {disableNameSuffixHash: true}}: a ConfigMap of those keys, named as given (no hash suffix,
 *       which these tests do not compute);</li>
 *   <li>{@code patches} with {@code path}: strategic-merge patches, each document finding its target by
 *       apiVersion group, kind and name ({@link StrategicMerge});</li>
 *   <li>{@code namespace}: set on every resource but Namespaces;</li>
 *   <li>{@code images}: {@code name} → {@code newName}/{@code newTag} on containers' images.</li>
 * </ul>
 * Order as in Kustomize: resources (each one already rendered) and generated ConfigMaps, then patches, namespace,
 * images.
 */
final class Kustomize {

    static final Set<String> SUPPORTED_FIELDS =
            Set.of("apiVersion", "kind", "resources", "configMapGenerator", "patches", "namespace", "images");
    private static final Set<String> GENERATOR_FIELDS = Set.of("name", "envs", "options");
    private static final Map<String, Object> GENERATOR_OPTIONS = Map.of("disableNameSuffixHash", true);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    /** The documents of the kustomization in {@code dir}, in the order Kustomize would emit them. */
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> kustomization = readKustomization(dir);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String resource : strings(kustomization, "resources")) {
            Path path = dir.resolve(resource).normalize();
            documents.addAll(Files.isDirectory(path) ? render(path) : readDocuments(path));
        }
        for (Map<String, Object> generator : list(kustomization, "configMapGenerator")) {
            documents.add(generateConfigMap(dir, generator));
        }
        requireUniqueIds(documents, dir);
        for (Map<String, Object> patch : list(kustomization, "patches")) {
            if (!patch.keySet().equals(Set.of("path"))) {
                throw new IllegalArgumentException(dir + ": only patches with a path are supported, not " + patch.keySet());
            }
            for (Map<String, Object> patchDocument : readDocuments(dir.resolve((String) patch.get("path")))) {
                Map<String, Object> target = documents.stream()
                        .filter(document -> Resources.id(document).equals(Resources.id(patchDocument)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                dir + "/" + patch.get("path") + ": no resource " + Resources.id(patchDocument) + " to patch"));
                StrategicMerge.apply(target, patchDocument);
            }
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            documents.stream()
                    .filter(document -> !"Namespace".equals(document.get("kind")))
                    .forEach(document -> Resources.metadata(document).put("namespace", namespace));
        }
        for (Map<String, Object> image : list(kustomization, "images")) {
            documents.forEach(document -> Resources.containers(document).forEach(container -> {
                if (image.get("name").equals(container.get("image"))) {
                    container.put("image", image.get("newName") + ":" + image.get("newTag"));
                }
            }));
        }
        return documents;
    }

    private static Map<String, Object> generateConfigMap(Path dir, Map<String, Object> generator) {
        if (!GENERATOR_FIELDS.containsAll(generator.keySet()) || !GENERATOR_OPTIONS.equals(generator.get("options"))) {
            throw new IllegalArgumentException(dir + ": only configMapGenerator entries with " + GENERATOR_FIELDS
                    + " and options " + GENERATOR_OPTIONS + " are supported, not " + generator);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String envs : strings(generator, "envs")) {
            data.putAll(readEnvFile(dir.resolve(envs)));
        }
        Map<String, Object> configMap = new LinkedHashMap<>();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.put("metadata", new LinkedHashMap<>(Map.of("name", generator.get("name"))));
        configMap.put("data", data);
        return configMap;
    }

    /** An env file as Kustomize reads it: {@code KEY=value} lines, blank lines and {@code #} comments skipped. */
    static Map<String, String> readEnvFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException(file + ": not a KEY=value line: " + line);
                }
                values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return values;
    }

    static Map<String, Object> readKustomization(Path dir) {
        List<Map<String, Object>> documents = readDocuments(dir.resolve("kustomization.yaml"));
        Map<String, Object> kustomization = documents.get(0);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml: field '" + field
                        + "' is not in the supported subset " + SUPPORTED_FIELDS + " (deploy/README.md)");
            }
        }
        return kustomization;
    }

    static List<Map<String, Object>> readDocuments(Path file) {
        try {
            return parseDocuments(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static List<Map<String, Object>> parseDocuments(String yaml) {
        try (var values = YAML.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {
        }).<LinkedHashMap<String, Object>> readValues(yaml)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            while (values.hasNext()) {
                Map<String, Object> document = values.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy of documents, to change without touching the originals. */
    static List<Map<String, Object>> copy(List<Map<String, Object>> documents) {
        return YAML.convertValue(documents, new TypeReference<List<Map<String, Object>>>() {
        });
    }

    private static void requireUniqueIds(List<Map<String, Object>> documents, Path dir) {
        Set<String> seen = new java.util.HashSet<>();
        for (Map<String, Object> document : documents) {
            if (!seen.add(Resources.id(document))) {
                throw new IllegalArgumentException(dir + ": resource " + Resources.id(document) + " defined twice");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.getOrDefault(key, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String key) {
        return (List<String>) map.getOrDefault(key, List.of());
    }
}
