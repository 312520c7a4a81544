package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check on every overlay finds nothing. The checks' negative tests (a broken manifest is caught) are in the
 * test class of each area: ManifestModelTest, WiringTest, ConnectionTest, KafkaTest, SecurityTest.
 */
class EveryOverlayTest {

    static Stream<Arguments> checks() {
        Map<String, Function<Overlay, List<String>>> checks = new LinkedHashMap<>();
        checks.put("unknown fields", overlay -> overlay.resources.stream().flatMap(resource ->
                Models.unknownFields(resource).stream().map(field -> describe(resource) + ": " + field)).toList());
        checks.put("namespace", overlay -> overlay.resources.stream()
                .filter(resource -> !"Namespace".equals(resource.getKind())
                        && !"report-platform".equals(resource.getMetadata().getNamespace()))
                .map(resource -> describe(resource) + " is not in namespace report-platform").toList());
        checks.put("service selectors and ports", WiringChecks::serviceSelectors);
        checks.put("service monitors", WiringChecks::monitors);
        checks.put("health probes", overlay -> WiringChecks.probes(overlay, Platform.SERVICES));
        checks.put("ConfigMap and Secret references", overlay -> WiringChecks.references(overlay, OperatorProvided.secrets()));
        checks.put("environment variables", overlay -> WiringChecks.environment(overlay, Platform.SERVICES));
        checks.put("Kafka listener", overlay -> ConnectionChecks.kafka(overlay, Platform.SERVICES));
        checks.put("databases", overlay -> ConnectionChecks.database(overlay, Platform.SERVICES));
        checks.put("topics", overlay -> KafkaChecks.topics(overlay, Platform.SERVICES));
        checks.put("topic retention and compaction", overlay -> KafkaChecks.retention(overlay, Platform.SERVICES));
        checks.put("ACLs", overlay -> KafkaChecks.acls(overlay, Platform.SERVICES));
        checks.put("JVM settings", overlay -> JvmChecks.settings(overlay, Platform.SERVICES.keySet()));
        checks.put("pod hardening", overlay -> SecurityChecks.podHardening(overlay, Platform.SERVICES));
        checks.put("exposure", SecurityChecks::exposure);
        return Overlay.NAMES.stream().flatMap(name -> checks.entrySet().stream()
                .map(check -> Arguments.of(name, check.getKey(), check.getValue())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("checks")
    void findsNothing(String overlay, String check, Function<Overlay, List<String>> problems) {
        assertThat(problems.apply(Platform.overlay(overlay))).isEmpty();
    }

    private static String describe(HasMetadata resource) {
        return resource.getKind() + " " + resource.getMetadata().getName();
    }
}
