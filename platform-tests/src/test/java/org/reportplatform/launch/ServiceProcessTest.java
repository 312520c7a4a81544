package org.reportplatform.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher starts every service with the JVM settings of deploy/base/platform/jvm.env, the file bin/platform and Kubernetes use. */
class ServiceProcessTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final JvmSettings SETTINGS = JvmSettings.load(ROOT);

    @Test
    void everyServiceStartsWithItsHeapLimitAndTheSharedSettings() {
        for (String service : List.of("report-intake", "indicator-service", "dashboard-api")) {
            ProcessBuilder start = new ServiceProcess(ROOT, service, Map.of("DB_NAME", "x"), ROOT.resolve("target"), "t-")
                    .processBuilder(Path.of("app.jar"));
            List<String> command = start.command();
            assertThat(command.get(0)).isEqualTo("java");
            assertThat(command.subList(1, command.size() - 2)).as(service).containsExactlyElementsOf(SETTINGS.options(service));
            assertThat(command.subList(command.size() - 2, command.size())).containsExactly("-jar", "app.jar");
            assertThat(start.environment()).containsEntry("MALLOC_ARENA_MAX", "2").containsEntry("DB_NAME", "x");
        }
    }

    @Test
    void theSettingsBoundEveryMemoryAreaTheReviewNamed() {
        assertThat(SETTINGS.options("report-intake")).startsWith("-Xmx160m").contains("-XX:+UseSerialGC", "-Xms32m",
                "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:MaxDirectMemorySize=64m",
                "-XX:+ExitOnOutOfMemoryError");
        assertThat(SETTINGS.maxHeap("dashboard-api")).isEqualTo("160m");
        assertThat(SETTINGS.maxHeap("indicator-service")).isEqualTo("160m");
    }

    @Test
    void aLineThatIsNoSettingIsRefused() {
        assertThatThrownBy(() -> JvmSettings.parse(List.of("# comment", "", "JVM_OPTIONS -Xss1m")))
                .hasMessageContaining("not a KEY=value line");
        assertThatThrownBy(() -> JvmSettings.parse(List.of("JVM_COLLECTOR=-XX:+UseSerialGC")).options("report-intake"))
                .hasMessageContaining("REPORT_INTAKE_MAX_HEAP");
    }
}
