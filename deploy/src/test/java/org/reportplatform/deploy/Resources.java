package org.reportplatform.deploy;

import java.util.List;
import java.util.Map;

/** Reading the raw (map) form of a manifest: its identity, metadata and the containers of a pod template. */
final class Resources {

    private Resources() {
    }

    /** {@code group/Kind/name}, the identity Kustomize matches patches on (namespaces are set after patching). */
    static String id(Map<String, Object> document) {
        return apiGroup(document) + "/" + document.get("kind") + "/" + metadata(document).get("name");
    }

    /** The group of {@code apiVersion}: "" for the core group ({@code v1}). */
    static String apiGroup(Map<String, Object> document) {
        String apiVersion = String.valueOf(document.get("apiVersion"));
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> document) {
        return (Map<String, Object>) document.get("metadata");
    }

    /** The containers of a Deployment's or StatefulSet's pod template; none for other kinds. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> document) {
        Object value = document;
        for (String key : List.of("spec", "template", "spec", "containers")) {
            if (!(value instanceof Map)) {
                return List.of();
            }
            value = ((Map<String, Object>) value).get(key);
        }
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }
}
