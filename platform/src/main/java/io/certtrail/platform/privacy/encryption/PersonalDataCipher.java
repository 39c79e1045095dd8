package io.certtrail.platform.privacy.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals one personal value under its person's key: AES-256-GCM through the JDK, a fresh 96-bit
 * nonce each time, the person's subject as associated data (a sealed value moved to another
 * person's field does not open). The sealed form is text, {@code pd1:<subject>:<base64url(nonce ||
 * ciphertext)>}, so it takes the place of the value in the stored JSON; a value without the prefix
 * is one stored before encryption and reads as it is.
 */
public final class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One cipher object per thread, initialised for each value: looking the transformation up in the
     * providers for every value was a fifth of what sealing cost in a bulk import's profile.
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private PersonalDataCipher() {}

    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX) && value.indexOf(':', PREFIX.length()) > 0;
    }

    /** The person a sealed value belongs to. */
    public static String subjectOf(String sealed) {
        return sealed.substring(PREFIX.length(), sealed.lastIndexOf(':'));
    }

    public static String seal(String subject, SecretKey key, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + subject + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A personal value could not be sealed", e);
        }
    }

    /** The value, or empty when its key is gone (erased) or it was altered. */
    public static Optional<String> open(String sealed, SecretKey key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            String subject = subjectOf(sealed);
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
