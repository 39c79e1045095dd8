package io.certtrail.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a canonical address into the identifier of its {@code AddressOwnership} aggregate: a keyed
 * hash, so the identifier is stable but says nothing about the person without the secret.
 */
public final class AddressKeys {

    private final SecretKeySpec key;

    public AddressKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("certtrail.address-key-secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String canonicalAddress) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(canonicalAddress.getBytes(StandardCharsets.UTF_8));
            return "addr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
