package org.ruralinfo.archive.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex, the checksum of every file of a package. */
final class Digests {
    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static String sha256Hex(byte[] data) {
        return hex(sha256(data));
    }
}
