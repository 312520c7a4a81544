package org.reportplatform.deploy;

import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where kubectl is installed (it is not on every machine, so the build never needs it), the subset renderer must
 * produce exactly what {@code kubectl kustomize} produces: the same resources, field for field.
 */
@EnabledIf("kubectlInstalled")
class KubectlKustomizeTest {

    static final List<String> OVERLAYS = Overlay.NAMES;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theSubsetRendersWhatKustomizeRenders(String name) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", Overlay.DEPLOY.resolve("overlays").resolve(name).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String rendered = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).isZero();

        assertThat(byId(Kustomize.parseDocuments(rendered))).isEqualTo(byId(Platform.overlay(name).documents));
    }

    static boolean kubectlInstalled() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "kubectl")));
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> documents) {
        return documents.stream().collect(Collectors.toMap(Resources::id, Function.identity()));
    }
}
