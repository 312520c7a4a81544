package org.reportplatform.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the tests check against, read once per run: the rendered overlays and the services' configuration. */
final class Platform {

    private static final Map<String, Overlay> OVERLAYS = new ConcurrentHashMap<>();

    static final Map<String, ServiceConfiguration> SERVICES = ServiceConfiguration.SERVICES.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(),
                    module -> ServiceConfiguration.load(Overlay.REPOSITORY, module)));

    private Platform() {
    }

    static Overlay overlay(String name) {
        return OVERLAYS.computeIfAbsent(name, Overlay::render);
    }
}
