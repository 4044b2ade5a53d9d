package io.github.t3chat4j.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the domain free of anything but the JDK even when this module is built alone (the full
 * ArchUnit rules live in adapter-cli's tests). Reads the compiled classes' constant pools for
 * referenced class names.
 */
class DomainPurityTest {

    private static final Pattern CLASS_REF = Pattern.compile("L([a-zA-Z_$][\\w/$]*);");

    @Test
    void domainReferencesOnlyJavaAndItself() throws IOException {
        Path classes = Paths.get("target/classes/io/github/t3chat4j/domain");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text;
            try (InputStream in = Files.newInputStream(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            Matcher m = CLASS_REF.matcher(text);
            while (m.find()) {
                String ref = m.group(1);
                if (ref.contains("/")) {
                    assertThat(ref).as("a type used by " + file.getFileName())
                            .matches("(java|io/github/t3chat4j/domain)/.*");
                }
            }
        }
    }
}
