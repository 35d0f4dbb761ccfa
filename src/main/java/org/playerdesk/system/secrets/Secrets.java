package org.playerdesk.system.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens stored secrets: AES-256-GCM with a random 96-bit nonce per value, stored as
 * {@code enc:<key id>:<base64 of nonce and ciphertext>}. The key id is bound to the ciphertext
 * (additional data), so a value cannot be passed off as sealed under another key. A value without
 * the {@code enc:} prefix was stored before secrets were sealed: it is read as it is and sealed on
 * its next write (or by {@link SecretRewrite}).
 */
public final class Secrets {

    static final String PREFIX = "enc:";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String activeKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys each key's id and its 32 bytes, base64-encoded
     * @param activeKey the id of the key new values are sealed with
     * @throws IllegalStateException naming what is wrong (never a key's bytes)
     */
    public Secrets(Map<String, String> keys, String activeKey) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalStateException("playerdesk.secrets.keys holds no key");
        }
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        keys.forEach((id, encoded) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("playerdesk.secrets.keys: the key id '" + id
                        + "' is not 1 to 32 letters, digits, '-' or '_'");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(encoded == null ? "" : encoded.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("playerdesk.secrets.keys." + id + " is not base64");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("playerdesk.secrets.keys." + id + " is " + bytes.length
                        + " bytes long; an AES-256 key is 32 bytes (openssl rand -base64 32)");
            }
            parsed.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (activeKey == null || activeKey.isBlank()) {
            throw new IllegalStateException("playerdesk.secrets.active-key is not set; it names one of playerdesk.secrets.keys "
                    + parsed.keySet());
        }
        if (!parsed.containsKey(activeKey)) {
            throw new IllegalStateException("playerdesk.secrets.active-key is '" + activeKey
                    + "', which playerdesk.secrets.keys does not hold " + parsed.keySet());
        }
        this.keys = Map.copyOf(parsed);
        this.activeKey = activeKey;
    }

    /** The stored form of a secret, sealed with the active key; {@code null} stays {@code null}. */
    public String seal(String secret) {
        if (secret == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, activeKey, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, nonce.length);
            System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
            return PREFIX + activeKey + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret a stored value holds: a sealed value opened, a value from before sealing as it is.
     *
     * @throws SecretUnreadable when the value was sealed with a key not configured, with another key
     *         of the same id, or was altered
     */
    public String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new SecretUnreadable("a sealed value has no key id");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        if (!keys.containsKey(keyId)) {
            throw new SecretUnreadable("it was sealed with the key '" + keyId
                    + "', which playerdesk.secrets.keys does not hold " + keys.keySet());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadable("a sealed value is not base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadable("a sealed value is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, java.util.Arrays.copyOf(bytes, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadable("the key '" + keyId
                    + "' does not open it: it is not the key the value was sealed with, or the value was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether a stored value is sealed (else it is a plain value from before sealing). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether a stored value is sealed with the active key, so that a rewrite leaves it. */
    public boolean sealedWithActiveKey(String stored) {
        return stored != null && stored.startsWith(PREFIX + activeKey + ":");
    }

    public String activeKey() {
        return activeKey;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    private Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    @Override
    public String toString() {
        return "Secrets[active key " + activeKey + ", keys " + keys.keySet() + "]";
    }

    /** A stored secret that cannot be opened with the configured keys. The message names no secret. */
    public static final class SecretUnreadable extends IllegalStateException {
        SecretUnreadable(String message) {
            super(message);
        }
    }
}
