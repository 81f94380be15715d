package org.ruralinfo.archive.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.ruralinfo.archive.ArchiveException;
import org.ruralinfo.archive.Problem;

/**
 * Reads a ZIP from outside once, as a stream, trusting nothing it says about itself: every name is
 * checked (no {@code ..}, no absolute path, no backslash, no drive, no control character), a name may
 * occur once, and the files are counted and measured as they are inflated (never by their header sizes)
 * against the {@link Limits}: their number, each one's size, the total, and the compression ratio. A
 * package that breaks any of these is refused as {@link ArchiveException.Kind#HOSTILE} before anything
 * is kept. Every file's SHA-256 and size are computed; the caller chooses which files to keep in memory
 * and which to copy elsewhere (e.g. staged attachments).
 */
final class SafeZip {
    /** Longest name accepted (characters). */
    static final int NAME_MAX = 512;

    /** Where the bytes of a file go besides its checksum. */
    interface Sink {
        /** @return a stream to copy the file to, or null to keep only its checksum; closed after the file */
        OutputStream open(String path) throws IOException;
    }

    /** One file of the package: checksum, size, and its bytes when they were kept. */
    record Entry(String path, String sha256, long size, byte[] bytes) {
    }

    /**
     * @param entries every file, in the order of the package
     * @param damaged the file whose data could not be read back (a CRC or inflate error: a changed byte),
     *                or null; reading stopped there
     * @param damage  what went wrong with it, or null
     */
    record Result(Map<String, Entry> entries, String damaged, String damage) {
    }

    private SafeZip() {
    }

    /**
     * @param keep how many bytes of a file to keep in memory (0: none); a file longer than that is refused
     */
    static Result read(InputStream in, Limits limits, ToLongFunction<String> keep, Sink sink) {
        Counting raw = new Counting(in);
        Map<String, Entry> entries = new LinkedHashMap<>();
        long total = 0;
        int count = 0;
        byte[] buf = new byte[65_536];
        try (ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            while (true) {
                ZipEntry e;
                try {
                    e = zip.getNextEntry();
                } catch (ZipException | EOFException | IllegalArgumentException x) {
                    if (entries.isEmpty()) {
                        throw hostile("$", "not a ZIP archive: " + x.getMessage());
                    }
                    return new Result(entries, "$", "the package is damaged after " + last(entries) + ": "
                            + x.getMessage());
                }
                if (e == null) {
                    break;
                }
                String name = e.getName();
                String unsafe = unsafe(name);
                if (unsafe != null) {
                    throw hostile(printable(name), unsafe);
                }
                if (++count > limits.entries()) {
                    throw hostile("$", "more than " + limits.entries() + " files");
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (entries.containsKey(name)) {
                    throw hostile(name, "occurs twice in the package");
                }
                long max = keep.applyAsLong(name);
                ByteArrayOutputStream kept = max > 0 ? new ByteArrayOutputStream() : null;
                MessageDigest sha = Digests.sha256();
                long size = 0;
                long rawAtStart = raw.count;
                OutputStream out = sink == null ? null : sink.open(name);
                try {
                    int n;
                    while (true) {
                        try {
                            n = zip.read(buf);
                        } catch (ZipException | EOFException x) {
                            return new Result(entries, name, "damaged: its data cannot be read back (" + x.getMessage()
                                    + "); a byte of the package was changed");
                        }
                        if (n < 0) {
                            break;
                        }
                        size += n;
                        total += n;
                        if (size > limits.entryBytes()) {
                            throw hostile(name, "larger than " + limits.entryBytes() + " bytes uncompressed");
                        }
                        if (total > limits.totalBytes()) {
                            throw hostile("$", "more than " + limits.totalBytes() + " bytes uncompressed in total");
                        }
                        long rawEntry = Math.max(1, raw.count - rawAtStart);
                        if ((size > Limits.RATIO_FLOOR && size / rawEntry > limits.ratio())
                                || (total > Limits.RATIO_FLOOR && total / Math.max(1, raw.count) > limits.ratio())) {
                            throw hostile(name, "compressed more than " + limits.ratio() + ":1 (a zip bomb)");
                        }
                        if (kept != null) {
                            if (size > max) {
                                throw hostile(name, "larger than " + max + " bytes");
                            }
                            kept.write(buf, 0, n);
                        }
                        sha.update(buf, 0, n);
                        if (out != null) {
                            out.write(buf, 0, n);
                        }
                    }
                } finally {
                    if (out != null) {
                        out.close();
                    }
                }
                entries.put(name, new Entry(name, Digests.hex(sha.digest()), size,
                        kept == null ? null : kept.toByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries.isEmpty()) {
            throw hostile("$", "not a ZIP archive, or one with no file");
        }
        return new Result(entries, null, null);
    }

    private static String last(Map<String, Entry> entries) {
        String last = null;
        for (String k : entries.keySet()) {
            last = k;
        }
        return last;
    }

    /** @return why a name is unsafe to use as a path, or null when it is a plain relative path */
    static String unsafe(String name) {
        if (name == null || name.isEmpty()) {
            return "an empty file name";
        }
        if (name.length() > NAME_MAX) {
            return "a file name longer than " + NAME_MAX + " characters";
        }
        if (name.indexOf('\\') >= 0) {
            return "a backslash in a file name (a path outside the package on Windows)";
        }
        if (name.startsWith("/")) {
            return "an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' || name.contains(":")) {
            return "a colon in a file name (a drive or a stream)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "a control character in a file name";
            }
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return "a path that leaves its folder (\"" + seg + "\" segment): zip-slip";
            }
        }
        return null;
    }

    /** @return the name as it may be shown (control characters escaped, cut to a sane length) */
    static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < 200; i++) {
            char c = name.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    private static ArchiveException hostile(String path, String message) {
        return new ArchiveException(ArchiveException.Kind.HOSTILE, path + ": " + message,
                List.of(new Problem(path, message)));
    }

    /** Counts the compressed bytes the inflater consumed. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += Math.max(0, k);
            return k;
        }
    }
}
