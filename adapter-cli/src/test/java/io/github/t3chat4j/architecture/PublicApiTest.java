package io.github.t3chat4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/API.md and the code agree: every public type of a library module outside its {@code internal}
 * packages (a nested type counts when it and every type around it are public) is listed in the module's
 * section, by its name relative to the module's root package, and every type listed there is public.
 */
class PublicApiTest {

    private static final Path API = Path.of("..", "docs", "API.md");
    /** A module's section: {@code ## `t3chat4j-domain` (`io.github.t3chat4j.domain`)}. */
    private static final Pattern SECTION = Pattern.compile("^## `t3chat4j-([a-z-]+)` \\(`([a-z0-9.]+)`\\)");
    /** A table row naming a type in its first cell. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9_.]+)`");

    private static JavaClasses classes;
    private static Map<String, Set<String>> documented;

    @BeforeAll
    static void read() throws IOException {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.t3chat4j");
        documented = new LinkedHashMap<>();
        Set<String> current = null;
        for (String line : Files.readAllLines(API)) {
            Matcher section = SECTION.matcher(line);
            if (section.find()) {
                current = new TreeSet<>();
                documented.put(section.group(2), current);
                continue;
            }
            if (line.startsWith("## ")) {
                current = null;
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (current != null && row.find()) {
                current.add(row.group(1));
            }
        }
    }

    static Stream<String> modules() {
        return Stream.of("io.github.t3chat4j.domain", "io.github.t3chat4j.application",
                "io.github.t3chat4j.adapter.http", "io.github.t3chat4j.adapter.storage",
                "io.github.t3chat4j.adapter.browser", "io.github.t3chat4j.adapter.openai", "io.github.t3chat4j.testkit");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void listsEveryPublicType_andNothingElse(String root) {
        assertThat(documented).as("docs/API.md has a section for " + root).containsKey(root);
        Set<String> inCode = new TreeSet<>();
        for (JavaClass type : classes) {
            if (type.getPackageName().equals(root) || type.getPackageName().startsWith(root + ".")) {
                apiName(type, root).ifPresent(inCode::add);
            }
        }

        assertThat(inCode).as("public types of %s (left) against docs/API.md (right)", root)
                .containsExactlyInAnyOrderElementsOf(documented.get(root));
    }

    /** The name docs/API.md gives {@code type}, when it is part of the API. */
    private static Optional<String> apiName(JavaClass type, String root) {
        if (type.getPackageName().contains(".internal") || type.isAnonymousClass() || type.isLocalClass()
                || type.getSimpleName().equals("package-info")) {
            return Optional.empty();
        }
        for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
            if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
                return Optional.empty();
            }
        }
        String relative = type.getName().substring(root.length() + 1).replace('$', '.');
        return Optional.of(relative);
    }
}
