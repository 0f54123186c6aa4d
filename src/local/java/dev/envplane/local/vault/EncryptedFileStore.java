package dev.envplane.local.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One file of state encrypted with AES-256-GCM ({@value #DATA_FILE}), its key in a separate owner-only file
 * ({@value #KEY_FILE}) beside it. Writes go to a temporary file that is then moved into place, so a crash
 * never leaves a half-written state.
 */
final class EncryptedFileStore {

    static final String DATA_FILE = "vault.dat";
    static final String KEY_FILE = "vault.key";

    private static final byte[] MAGIC = "ENVPLANE-VAULT-1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataFile;
    private final SecretKey key;

    private EncryptedFileStore(Path dataFile, SecretKey key) {
        this.dataFile = dataFile;
        this.key = key;
    }

    static EncryptedFileStore open(Path directory) {
        try {
            Files.createDirectories(directory, ownerOnly(directory, true));
            return new EncryptedFileStore(directory.resolve(DATA_FILE), loadOrCreateKey(directory.resolve(KEY_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Vault data directory " + directory, e);
        }
    }

    Optional<byte[]> read() {
        if (!Files.exists(dataFile)) {
            return Optional.empty();
        }
        try {
            byte[] file = Files.readAllBytes(dataFile);
            if (file.length < MAGIC.length + IV_BYTES || !Arrays.equals(MAGIC, Arrays.copyOf(file, MAGIC.length))) {
                throw new IllegalStateException(dataFile + " is not an envplane Vault data file");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, file, MAGIC.length, IV_BYTES));
            cipher.updateAAD(MAGIC);
            int offset = MAGIC.length + IV_BYTES;
            return Optional.of(cipher.doFinal(file, offset, file.length - offset));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt " + dataFile + " (wrong or changed " + KEY_FILE + "?)", e);
        }
    }

    void write(byte[] plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(MAGIC);
            byte[] ciphertext = cipher.doFinal(plaintext);
            ByteBuffer file = ByteBuffer.allocate(MAGIC.length + iv.length + ciphertext.length);
            file.put(MAGIC).put(iv).put(ciphertext);
            Path temporary = Files.createTempFile(dataFile.getParent(), DATA_FILE, ".tmp",
                    ownerOnly(dataFile.getParent(), false));
            try {
                Files.write(temporary, file.array());
                moveIntoPlace(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the Vault state", e);
        }
    }

    private void moveIntoPlace(Path temporary) throws IOException {
        try {
            Files.move(temporary, dataFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, dataFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static SecretKey loadOrCreateKey(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            try {
                Files.createFile(keyFile, ownerOnly(keyFile.getParent(), false));
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first: use theirs.
            }
        }
        byte[] key = Base64.getDecoder().decode(Files.readString(keyFile).trim());
        if (key.length != 32) {
            throw new IllegalStateException(keyFile + " does not hold a 256-bit key");
        }
        return new SecretKeySpec(key, "AES");
    }

    /** rw------- (rwx------ for directories) where the file system knows POSIX permissions. */
    private static FileAttribute<?>[] ownerOnly(Path near, boolean directory) {
        Path probe = near.toAbsolutePath();
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        if (probe == null || !probe.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }
}
