package io.github.t3chat4j.adapter.browser.internal.chromium;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Chromium's cookie encryption on Linux and macOS ({@code components/os_crypt}): a 16-byte AES key
 * derived from a password with PBKDF2-HMAC-SHA1 (salt {@code saltysalt}; 1 iteration on Linux, 1003 on
 * macOS), AES-128-CBC with an IV of 16 spaces, PKCS#7 padding. Since cookie database version 24 the
 * plain text starts with the SHA-256 of the cookie's host, which proves the key right.
 */
final class CookieCipher {

    /** The password of {@code v10} values on Linux. */
    static final String LINUX_V10_PASSWORD = "peanuts";
    static final int LINUX_ITERATIONS = 1;
    static final int MAC_ITERATIONS = 1003;
    /** The cookie database version from which values start with the host's hash. */
    static final int HOST_HASH_VERSION = 24;

    private static final byte[] SALT = "saltysalt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IV = "                ".getBytes(StandardCharsets.US_ASCII);

    private CookieCipher() {
    }

    /** The AES key for {@code password}. */
    static byte[] key(String password, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), SALT, iterations, 128);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no PBKDF2WithHmacSHA1", e);
        }
    }

    /**
     * The value of a cookie of {@code host}, decrypted with {@code key}, when the key fits: the padding is
     * right, the host hash matches (from version 24), and the rest is UTF-8 text.
     */
    static Optional<String> decrypt(byte[] key, byte[] cipherText, String host, int databaseVersion) {
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(IV));
            plain = cipher.doFinal(cipherText);
        } catch (BadPaddingException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no AES/CBC", e);
        }
        if (databaseVersion >= HOST_HASH_VERSION) {
            if (plain.length < 32 || !MessageDigest.isEqual(Arrays.copyOf(plain, 32), sha256(host))) {
                return Optional.empty();
            }
            plain = Arrays.copyOfRange(plain, 32, plain.length);
        }
        return Text.utf8(plain);
    }

    static byte[] sha256(String host) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(host.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no SHA-256", e);
        }
    }
}
