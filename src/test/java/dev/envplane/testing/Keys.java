package dev.envplane.testing;

import java.security.AlgorithmParameters;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Fresh RSA private keys in PEM, each unique: usable as canaries too. */
public final class Keys {

    private Keys() {
    }

    public static String pkcs8Pem() {
        return pem("PRIVATE KEY", rsa());
    }

    public static String encryptedPkcs8Pem(String passphrase) {
        try {
            String algorithm = "PBEWithSHA1AndDESede"; // has a PKCS#12 OID that EncryptedPrivateKeyInfo can encode
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            PBEParameterSpec spec = new PBEParameterSpec(salt, 10_000);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase.toCharArray())), spec);
            AlgorithmParameters parameters = cipher.getParameters();
            return pem("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(parameters, cipher.doFinal(rsa())).getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base64 body of a PEM on one line: a string that appears nowhere else. */
    public static String body(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
    }

    private static byte[] rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
