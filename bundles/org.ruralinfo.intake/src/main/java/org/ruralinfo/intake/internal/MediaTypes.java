package org.ruralinfo.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The type of an attachment judged by its content (magic bytes), never by the name or the type the client
 * declared: photos (JPEG, PNG), scans (PDF), Word documents (DOCX) and ZIP archives.
 */
final class MediaTypes {
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String PDF = "application/pdf";
    static final String ZIP = "application/zip";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private MediaTypes() {
    }

    /** @return the type the first bytes show, or null when it is none of the accepted ones */
    static String sniff(byte[] head, int n) {
        if (starts(head, n, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(head, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(head, n, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (starts(head, n, 'P', 'K', 0x03, 0x04)) {
            return ZIP;
        }
        return null;
    }

    /** @return DOCX when a ZIP file holds {@code word/document.xml}, else ZIP */
    static String refineZip(Path file) {
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (int i = 0; i < 2000; i++) {
                ZipEntry e = zip.getNextEntry();
                if (e == null) {
                    break;
                }
                if ("word/document.xml".equals(e.getName())) {
                    return DOCX;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return ZIP;
        }
        return ZIP;
    }

    /** @return the usual file name extension of a type */
    static String extension(String type) {
        return switch (type) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case PDF -> ".pdf";
            case DOCX -> ".docx";
            default -> ".zip";
        };
    }

    private static boolean starts(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
