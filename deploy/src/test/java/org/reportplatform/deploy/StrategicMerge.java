package org.reportplatform.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of Kubernetes' strategic-merge patch that deploy/'s patches use: maps merge key by key (a null value
 * removes the key), lists of the built-in kinds merge element by element on their merge key (containers and
 * volumes by name, volume mounts by mount path, container ports by port), every other list is replaced whole,
 * which is also what Kustomize does for the lists of custom resources. Directives ({@code $patch},
 * {@code $retainKeys}) are refused.
 */
final class StrategicMerge {

    /** Merge keys of the built-in lists, by field name (from the Kubernetes API's patchMergeKey tags). */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "ports", "containerPort");

    private StrategicMerge() {
    }

    static void apply(Map<String, Object> target, Map<String, Object> patch) {
        merge(target, patch, !Resources.apiGroup(target).contains("."));
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch, boolean builtIn) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + key + " is not supported");
            }
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map && current instanceof Map) {
                merge((Map<String, Object>) current, (Map<String, Object>) value, builtIn);
            } else if (value instanceof List && current instanceof List && builtIn && MERGE_KEYS.containsKey(key)) {
                target.put(key, mergeLists((List<Object>) current, (List<Object>) value, MERGE_KEYS.get(key)));
            } else {
                target.put(key, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mergeLists(List<Object> current, List<Object> patch, String mergeKey) {
        List<Object> merged = new ArrayList<>(current);
        for (Object element : patch) {
            Map<String, Object> patchElement = (Map<String, Object>) element;
            Object key = patchElement.get(mergeKey);
            merged.stream()
                    .map(existing -> (Map<String, Object>) existing)
                    .filter(existing -> key != null && key.equals(existing.get(mergeKey)))
                    .findFirst()
                    .ifPresentOrElse(existing -> merge(existing, patchElement, true), () -> merged.add(patchElement));
        }
        return merged;
    }
}
