package io.github.t3chat4j.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a program that depends on t3chat4j gets: every library jar names its module for the module path,
 * and the BOM pins every library module at the reactor's version. Runs in the last module, when every
 * other module's jar has been built.
 */
class PackagingTest {

    /** The library modules, and the module name of each, which is its root package. */
    private static final Map<String, String> LIBRARIES = Map.of(
            "domain", "io.github.t3chat4j.domain",
            "application", "io.github.t3chat4j.application",
            "adapter-http", "io.github.t3chat4j.adapter.http",
            "adapter-storage", "io.github.t3chat4j.adapter.storage",
            "adapter-browser", "io.github.t3chat4j.adapter.browser",
            "adapter-openai", "io.github.t3chat4j.adapter.openai",
            "testkit", "io.github.t3chat4j.testkit");

    private static final Path ROOT = Path.of("..");

    @Test
    void namesEveryLibraryJarsModule_afterItsRootPackage() throws IOException {
        String version = version(Files.readString(ROOT.resolve("pom.xml")));
        for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
            Path jar = ROOT.resolve(library.getKey()).resolve("target")
                    .resolve("t3chat4j-" + library.getKey() + "-" + version + ".jar");
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(jar.toString())
                        .isEqualTo(library.getValue());
                assertThat(file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                        .filter(n -> !n.equals("module-info.class")))
                        .as("%s holds only its own packages", jar).allMatch(n -> n.replace('/', '.')
                                .startsWith(library.getValue() + "."));
            }
        }
    }

    @Test
    void pinsEveryLibraryModule_inTheBom_atTheReactorsVersion() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));

        assertThat(version(bom)).isEqualTo(version(parent));
        assertThat(bom).doesNotContain("<parent>");
        List<String> pinned = new ArrayList<>();
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"));
        Matcher m = Pattern.compile("<artifactId>t3chat4j-([a-z-]+)</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(managed);
        while (m.find()) {
            assertThat(m.group(2)).isEqualTo(version(parent));
            pinned.add(m.group(1));
        }
        assertThat(pinned).containsExactlyInAnyOrderElementsOf(LIBRARIES.keySet());
    }

    private static String version(String pom) {
        Matcher m = Pattern.compile("<artifactId>t3chat4j-(?:parent|bom)</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
