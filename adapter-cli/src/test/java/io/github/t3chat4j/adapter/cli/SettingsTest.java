package io.github.t3chat4j.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every setting declares its trust class, and commands read only preferences themselves. */
class SettingsTest {

    @Test
    void classifiesEveryKeyItDeclares() {
        List<String> declared = Arrays.stream(Settings.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(SettingsTest::value).toList();

        assertThat(declared).isNotEmpty().allSatisfy(key -> assertThat(Settings.TRUST)
                .as("%s needs a trust class in Settings.TRUST (see TrustClass)", key).containsKey(key));
        assertThat(Settings.KEYS).containsExactlyElementsOf(Settings.TRUST.keySet());
    }

    @Test
    void letsCommandsReadPreferences_butOnlyTheBoundaryTheRest() {
        Settings settings = new Settings(List.of(new Settings.Value(Settings.MODEL, "gpt-4o", Settings.Source.FLAG),
                new Settings.Value(Settings.CURL, "/bin/evil", Settings.Source.DOTENV)), Path.of("."));

        assertThat(settings.get(Settings.MODEL)).hasValue("gpt-4o");
        assertThatThrownBy(() -> settings.get(Settings.CURL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TrustBoundary");
        assertThat(settings.guarded(Settings.CURL).map(Settings.Value::source)).hasValue(Settings.Source.DOTENV);
    }

    @Test
    void keepsEverySourcesValue_soThatCredentialsComeFromOneSourceTogether() {
        Settings settings = new Settings(List.of(
                new Settings.Value(Settings.CONVEX_SESSION_ID, "stored", Settings.Source.CONFIG_FILE),
                new Settings.Value(Settings.CONVEX_SESSION_ID, "env", Settings.Source.ENVIRONMENT)), Path.of("."));

        assertThat(settings.guarded(Settings.CONVEX_SESSION_ID).map(Settings.Value::value)).hasValue("env");
        assertThat(settings.guarded(Settings.CONVEX_SESSION_ID, Settings.Source.CONFIG_FILE)
                .map(Settings.Value::value)).hasValue("stored");
        assertThat(settings.guarded(Settings.CONVEX_SESSION_ID, Settings.Source.DOTENV)).isEmpty();
    }

    private static String value(Field field) {
        try {
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
