package org.playerdesk.system.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one signer of everything PlayerDesk signs or checks with a shared secret (calls to a game's
 * connector and a department's webhook, a player's chat identity): HMAC-SHA256 keyed with the
 * secret's UTF-8 bytes, written as lower-case hex. Signatures are compared in constant time, so
 * that how long a refusal takes tells a caller nothing about how close a guess was.
 */
public final class HmacSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSigner() {
    }

    /** The signature of the text's UTF-8 bytes. */
    public static String sign(String secret, String text) {
        return sign(secret, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The signature of the parts, one after the other, as if they were one message. */
    public static String sign(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            for (byte[] part : parts) {
                if (part != null) {
                    mac.update(part);
                }
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    /** Whether the presented signature is the expected one, compared in constant time; none never is. */
    public static boolean same(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
