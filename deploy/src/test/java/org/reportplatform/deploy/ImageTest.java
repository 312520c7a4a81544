package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images are named in one place: the root pom.xml's quarkus.container-image.registry and .group and the project
 * version (Quarkus's default tag) name what Jib builds; base/kustomization.yaml's images must say the same, and no
 * overlay may say otherwise.
 */
class ImageTest {

    static final List<String> OVERLAYS = Overlay.NAMES;

    @Test
    void theBaseNamesTheImagesTheBuildProduces() {
        assertThat(problems(Kustomize.readKustomization(Overlay.DEPLOY.resolve("base")), rootPom())).isEmpty();
    }

    @Test
    void everyServiceBuildsItsImageWithJib() {
        ServiceConfiguration.SERVICES.forEach(service ->
                assertThat(Platform.SERVICES.get(service).usesExtension("quarkus-container-image-jib")).as(service).isTrue());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void overlaysKeepTheBaseImages(String name) {
        Map<String, String> pom = rootPom();
        assertThat(Kustomize.readKustomization(Overlay.DEPLOY.resolve("overlays").resolve(name))).doesNotContainKey("images");
        for (Overlay.Workload workload : Platform.overlay(name).workloads()) {
            for (Container container : workload.template().getSpec().getContainers()) {
                assertThat(container.getImage()).isEqualTo(imageOf(pom, workload.name()));
            }
        }
    }

    @Test
    void aTagOtherThanTheProjectVersionIsCaught() {
        Map<String, Object> kustomization = Kustomize.readKustomization(Overlay.DEPLOY.resolve("base"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) kustomization.get("images");
        images.get(0).put("newTag", "latest");
        images.remove(2);

        assertThat(problems(kustomization, rootPom())).containsExactlyInAnyOrder(
                images.get(0).get("name") + ": " + images.get(0).get("newName") + ":latest in base/kustomization.yaml, the build makes "
                        + imageOf(rootPom(), (String) images.get(0).get("name")),
                "dashboard-api: no image in base/kustomization.yaml");
    }

    static List<String> problems(Map<String, Object> kustomization, Map<String, String> pom) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) kustomization.getOrDefault("images", List.of());
        Map<String, String> declared = new HashMap<>();
        images.forEach(image -> declared.put((String) image.get("name"), image.get("newName") + ":" + image.get("newTag")));
        List<String> problems = new ArrayList<>();
        for (String service : ServiceConfiguration.SERVICES) {
            String expected = imageOf(pom, service);
            if (!declared.containsKey(service)) {
                problems.add(service + ": no image in base/kustomization.yaml");
            } else if (!declared.get(service).equals(expected)) {
                problems.add(service + ": " + declared.get(service) + " in base/kustomization.yaml, the build makes " + expected);
            }
        }
        return problems;
    }

    static String imageOf(Map<String, String> pom, String service) {
        return pom.get("quarkus.container-image.registry") + "/" + pom.get("quarkus.container-image.group") + "/"
                + service + ":" + pom.get("version");
    }

    /** The root pom's properties, and its version under "version". */
    static Map<String, String> rootPom() {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(Overlay.REPOSITORY.resolve("pom.xml").toFile());
            Map<String, String> values = new HashMap<>();
            for (Node node = pom.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals("version")) {
                    values.put("version", element.getTextContent().trim());
                }
                if (node instanceof Element element && element.getTagName().equals("properties")) {
                    for (Node property = element.getFirstChild(); property != null; property = property.getNextSibling()) {
                        if (property instanceof Element value) {
                            values.put(value.getTagName(), value.getTextContent().trim());
                        }
                    }
                }
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the root pom.xml", e);
        }
    }
}
