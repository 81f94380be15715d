package org.ruralinfo.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 from the JDK: the installation's key pair, kept in one PEM file (private and public block)
 * under {@code keys/} with owner-only permissions, generated at first start; signatures and fingerprints.
 */
final class Keys {
    static final String ALGORITHM = "Ed25519";
    static final String FILE = "archive-ed25519.pem";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private Keys() {
    }

    /** @return the key pair in {@code dir}, generated and stored (owner-only) when there is none yet */
    static KeyPair loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(dir, file);
            }
            return read(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the archive key " + file, e);
        }
    }

    private static void create(Path dir, Path file) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(dir);
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
        String text = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
        Path tmp = posix
                ? Files.createTempFile(dir, ".key-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".key-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            try {
                // never replaces a key another node wrote meanwhile
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException e) {
                // another start won: its key is the key
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static KeyPair read(String text) {
        PrivateKey priv = null;
        PublicKey pub = null;
        Matcher m = BLOCK.matcher(text);
        try {
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                if (m.group(1).equals("PRIVATE KEY")) {
                    priv = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
                } else if (m.group(1).equals("PUBLIC KEY")) {
                    pub = kf.generatePublic(new X509EncodedKeySpec(der));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the archive key file is damaged: " + e.getMessage(), e);
        }
        if (priv == null || pub == null) {
            throw new IllegalStateException("the archive key file lacks its private or public key");
        }
        return new KeyPair(pub, priv);
    }

    /**
     * @return the Ed25519 public key of a PEM block or bare Base64 of its X.509 encoding
     * @throws IllegalArgumentException when it is neither
     */
    static PublicKey publicKey(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = BLOCK.matcher(t);
        String b64 = m.find() ? (m.group(1).equals("PUBLIC KEY") ? m.group(2) : null) : t;
        if (b64 == null || b64.isEmpty() || b64.length() > 4096) {
            throw new IllegalArgumentException("not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(b64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** @return SHA-256 (hex) of the key's X.509 encoding */
    static String fingerprint(PublicKey key) {
        return Digests.hex(Digests.sha256(key.getEncoded()));
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
