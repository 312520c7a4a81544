package org.reportplatform.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A workload without jvm.env's settings, or with a memory limit they do not fit in, is caught. */
@SuppressWarnings("unchecked")
class JvmSettingsTest {

    @Test
    void everyServiceGetsTheSettingsOfJvmEnv() {
        Overlay prod = Platform.overlay("prod");
        var intake = WiringChecks.mainContainer(prod.workloads().stream().filter(w -> w.name().equals("report-intake")).findFirst().orElseThrow());
        assertThat(JvmChecks.expand(prod, intake, "JAVA_OPTS_APPEND")).startsWith("-Xmx160m -Xms32m").contains("-XX:MaxMetaspaceSize=160m");
        assertThat(prod.environmentValue(intake, "GC_CONTAINER_OPTIONS")).isEqualTo("-XX:+UseSerialGC");
        assertThat(prod.configMap("platform-jvm").orElseThrow().getData()).containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @Test
    void aServiceWithoutTheSettingsOrWithAnotherHeapIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents -> {
            env(documents, "Deployment", "dashboard-api").removeIf(variable -> "MALLOC_ARENA_MAX".equals(variable.get("name")));
            env(documents, "StatefulSet", "indicator-service").stream().filter(variable -> "JAVA_OPTS_APPEND".equals(variable.get("name")))
                    .forEach(variable -> variable.put("value", "-Xmx2g"));
        });

        assertThat(JvmChecks.settings(broken, Platform.SERVICES.keySet())).containsExactlyInAnyOrder(
                "dashboard-api: MALLOC_ARENA_MAX is 'null', not jvm.env's MALLOC_ARENA_MAX",
                "indicator-service: JAVA_OPTS_APPEND is '-Xmx2g', jvm.env makes it '-Xmx160m "
                        + Kustomize.readEnvFile(JvmChecks.SETTINGS).get("JVM_OPTIONS") + "'");
    }

    @Test
    void aMemoryLimitBelowWhatTheSettingsAllowIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents -> ((Map<String, Object>) container(documents, "Deployment", "report-intake")
                .get("resources")).put("limits", Map.of("cpu", "500m", "memory", "256Mi")));

        assertThat(JvmChecks.settings(broken, Platform.SERVICES.keySet())).containsExactly(
                "report-intake: memory limit 256 MiB is below the 512 MiB the JVM settings allow (heap, metaspace, code cache, direct memory, 64 MiB native)");
    }

    private static List<Map<String, Object>> env(List<Map<String, Object>> documents, String kind, String name) {
        return (List<Map<String, Object>>) container(documents, kind, name).get("env");
    }

    private static Map<String, Object> container(List<Map<String, Object>> documents, String kind, String name) {
        Map<String, Object> template = (Map<String, Object>) ManifestModelTest.spec(documents, kind, name).get("template");
        return ((List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers")).get(0);
    }
}
