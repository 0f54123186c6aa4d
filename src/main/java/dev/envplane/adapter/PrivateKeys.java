package dev.envplane.adapter;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.EncryptedPrivateKeyInfo;

import dev.envplane.api.ValidationException;
import dev.envplane.secrets.Secret;

/** Checks that a Snowflake key is a PEM-encoded PKCS#8 RSA key. Messages never quote the key. */
final class PrivateKeys {

    private static final Pattern PEM = Pattern.compile(
            "\\s*-----BEGIN (ENCRYPTED )?PRIVATE KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END (ENCRYPTED )?PRIVATE KEY-----\\s*");
    private static final String FIELD = "snowflake.privateKey";

    private PrivateKeys() {
    }

    /** Returns whether the key is encrypted (and so needs a passphrase). */
    static boolean check(Secret privateKey) {
        Matcher pem = PEM.matcher(privateKey.reveal());
        if (!pem.matches() || (pem.group(1) == null) != (pem.group(3) == null)) {
            throw new ValidationException(FIELD, "privateKey must be a PEM-encoded PKCS#8 key: -----BEGIN PRIVATE KEY----- "
                    + "or -----BEGIN ENCRYPTED PRIVATE KEY-----");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
            if (pem.group(1) != null) {
                new EncryptedPrivateKeyInfo(der);
                return true;
            }
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return false;
        } catch (IllegalArgumentException | GeneralSecurityException | java.io.IOException invalid) {
            throw new ValidationException(FIELD, "privateKey is not a valid PKCS#8 RSA private key");
        }
    }
}
