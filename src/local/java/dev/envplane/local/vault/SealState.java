package dev.envplane.local.vault;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Sealed or unsealed, with a single Shamir share (t = 1, n = 1) as in dev mode. Sealing here only gates
 * the API; the data stays where it is.
 */
final class SealState {

    private final byte[] unsealKey;
    private volatile boolean sealed;

    SealState(String unsealKeyBase64) {
        this.unsealKey = Base64.getDecoder().decode(unsealKeyBase64);
    }

    boolean isSealed() {
        return sealed;
    }

    void seal() {
        sealed = true;
    }

    void unseal() {
        sealed = false;
    }

    /** Accepts the key as base64 (what dev mode prints) or hex, as Vault does; false when it is wrong. */
    boolean unseal(String key) {
        byte[] given = decode(key.trim());
        if (given == null || !MessageDigest.isEqual(given, unsealKey)) {
            return false;
        }
        sealed = false;
        return true;
    }

    private static byte[] decode(String key) {
        try {
            return HexFormat.of().parseHex(key);
        } catch (IllegalArgumentException notHex) {
            try {
                return Base64.getDecoder().decode(key);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }
}
