package dev.elmstudio.app.panel.rate;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The researcher's PIN, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (PBKDF2 from the JDK, random
 * 16-byte salt), so the workspace never holds the PIN itself. A short PIN stays guessable offline whatever the hash;
 * the hash only keeps it from being read off the database by a rater at the same machine.
 */
public final class PinHash {

    /** Minimum PIN length, in characters. */
    public static final int MIN_LENGTH = 4;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    // Tens of milliseconds per check here: rater mode checks a PIN only when someone tries to leave it.
    private static final int ITERATIONS = 60_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PinHash() { }

    public static String hash(char[] pin) {
        if (pin.length < MIN_LENGTH) {
            throw new IllegalArgumentException("the PIN needs at least " + MIN_LENGTH + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + "$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(pin, salt, ITERATIONS));
    }

    /** Whether {@code pin} is the PIN {@code stored} was made from; false for a stored value in another format. */
    public static boolean matches(char[] pin, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(pin, salt, iterations)); // constant time
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
