package io.github.t3chat4j.adapter.browser.internal.chromium;

import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.adapter.browser.internal.common.KeyringCommand;
import io.github.t3chat4j.domain.browser.Browser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys that may decrypt a Chromium-family browser's cookies, asked for only when a value needs them.
 * Linux: {@code v10} uses the fixed password; {@code v11} the password kept in the desktop keyring, read
 * with {@code secret-tool} (GNOME keyring, KeePassXC and other Secret Service keyrings) or
 * {@code kwallet-query} (KDE), and, as Chromium itself falls back to, an empty password. macOS: the
 * password in the Keychain, read with {@code security}. Passwords never leave this class.
 */
final class ChromiumKeys {

    private final BrowserConfig config;
    private final Browser browser;
    private final KeyringCommand commands;
    private List<byte[]> v10;
    private List<byte[]> v11;
    private final List<String> tried = new ArrayList<>();

    ChromiumKeys(BrowserConfig config, Browser browser) {
        this.config = config;
        this.browser = browser;
        this.commands = new KeyringCommand(config.env(), config.commandTimeout());
    }

    /** The keys to try on a value with this prefix ({@code v10} or {@code v11}), most likely first. */
    List<byte[]> keys(String prefix) {
        if (config.platform() == BrowserConfig.Platform.MAC) {
            if (v10 == null) {
                v10 = new ArrayList<>();
                keychainPassword().ifPresent(p -> v10.add(CookieCipher.key(p, CookieCipher.MAC_ITERATIONS)));
            }
            return v10;
        }
        if (prefix.equals("v10")) {
            if (v10 == null) {
                v10 = List.of(CookieCipher.key(CookieCipher.LINUX_V10_PASSWORD, CookieCipher.LINUX_ITERATIONS));
            }
            return v10;
        }
        if (v11 == null) {
            v11 = new ArrayList<>();
            secretServicePassword().ifPresent(p -> v11.add(CookieCipher.key(p, CookieCipher.LINUX_ITERATIONS)));
            kwalletPassword().ifPresent(p -> v11.add(CookieCipher.key(p, CookieCipher.LINUX_ITERATIONS)));
            v11.add(CookieCipher.key("", CookieCipher.LINUX_ITERATIONS));
        }
        return v11;
    }

    /** What was asked for keys and how it answered, for a message: names of programs only. */
    String triedDescription() {
        return tried.isEmpty() ? "no keyring program was asked" : String.join("; ", tried);
    }

    private Optional<String> secretServicePassword() {
        String application = switch (browser) {
            case CHROME -> "chrome";
            case BRAVE -> "brave";
            case EDGE -> "microsoft-edge";
            default -> "chromium";
        };
        return ask("secret-tool", "lookup", "application", application);
    }

    private Optional<String> kwalletPassword() {
        String name = keyringName();
        return ask("kwallet-query", "--read-password", name + " Safe Storage", "--folder", name + " Keys",
                "kdewallet");
    }

    private Optional<String> keychainPassword() {
        String name = keyringName();
        return ask("security", "find-generic-password", "-w", "-a", name, "-s", name + " Safe Storage");
    }

    private String keyringName() {
        return switch (browser) {
            case CHROME -> "Chrome";
            case BRAVE -> "Brave";
            case EDGE -> "Microsoft Edge";
            default -> "Chromium";
        };
    }

    private Optional<String> ask(String program, String... args) {
        if (!commands.available(program)) {
            tried.add(program + ": not installed");
            return Optional.empty();
        }
        Optional<String> password = commands.secret(program, args);
        tried.add(program + (password.isPresent() ? ": gave a key" : ": gave no key"));
        return password;
    }
}
