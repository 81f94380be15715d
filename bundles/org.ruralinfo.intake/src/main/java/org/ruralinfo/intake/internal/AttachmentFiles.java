package org.ruralinfo.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.ruralinfo.intake.IntakeException;

/**
 * Attachment files on disk under {@code ${ruralinfo.home}/attachments/}, outside the database, each named
 * by the SHA-256 of its bytes (so the same file stored twice is one file and its name is its checksum).
 */
final class AttachmentFiles {
    /** A file written and checked. */
    record Stored(String sha256, long size, String mediaType, boolean created) {
    }

    private final Path dir;
    private final long max;

    AttachmentFiles(Path dir, long max) {
        this.dir = dir;
        this.max = max;
    }

    /**
     * Streams {@code in} to disk, refusing more than the limit (TOO_LARGE) and content that is not an
     * accepted type (UNSUPPORTED_TYPE); nothing stays on disk when it is refused.
     */
    Stored store(InputStream in) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".upload-", ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] head = new byte[16];
                int headLen = 0;
                long size = 0;
                byte[] buf = new byte[65_536];
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        size += n;
                        if (size > max) {
                            throw new IntakeException(IntakeException.Kind.TOO_LARGE, "$", "an attachment may have at "
                                    + "most " + max + " bytes", List.of());
                        }
                        if (headLen < head.length) {
                            int k = Math.min(n, head.length - headLen);
                            System.arraycopy(buf, 0, head, headLen, k);
                            headLen += k;
                        }
                        sha.update(buf, 0, n);
                        out.write(buf, 0, n);
                    }
                }
                String type = MediaTypes.sniff(head, headLen);
                if (type == null) {
                    throw new IntakeException(IntakeException.Kind.UNSUPPORTED_TYPE, "$", "the content is not a JPEG, "
                            + "PNG, PDF, DOCX or ZIP file", List.of());
                }
                if (MediaTypes.ZIP.equals(type)) {
                    type = MediaTypes.refineZip(tmp);
                }
                String hex = HexFormat.of().formatHex(sha.digest());
                Path target = dir.resolve(hex);
                boolean created = false;
                if (!Files.exists(target)) {
                    try {
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                        created = true;
                    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                        if (!Files.exists(target)) {
                            Files.move(tmp, target);
                            created = true;
                        }
                    }
                }
                return new Stored(hex, size, type, created);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an attachment under " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the file of a checksum */
    Path file(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return dir.resolve(sha256);
    }

    /** Removes a file a refused row would have referenced (only one this call created). */
    void discard(Stored s) {
        if (s.created()) {
            try {
                Files.deleteIfExists(file(s.sha256()));
            } catch (IOException e) {
                // an orphan file is harmless: it is named by its content
            }
        }
    }
}
