package org.ruralinfo.supervision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The written reminder notice (催办通知) from a DOCX template the bureau can edit: a DOCX is a ZIP of XML
 * parts; the placeholders {@code {{name}}} in {@code word/document.xml} (and headers, footers) are replaced
 * by the XML-escaped values, everything else is copied as it is. The built-in template is zipped from the XML
 * parts under the resource folder {@code templates/reminder-notice/} of this bundle; a configured path replaces it.
 * <p>
 * Word may split a placeholder typed by hand into several runs ({@code <w:t>{{</w:t>…}}); before filling,
 * the text of a placeholder split across runs is joined into the first run, so a template edited in Word
 * still works as long as each placeholder is typed in one go with one format.
 */
final class Docx {
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String BUILT_IN = "templates/reminder-notice";

    private Docx() {
    }

    /** The parts of the built-in template, resources under {@link #BUILT_IN}. */
    private static final String[] PARTS = { "[Content_Types].xml", "_rels/.rels", "word/document.xml" };

    /** @return the template: the file at {@code path}, or the built-in one when {@code path} is blank */
    static byte[] template(String path) throws IOException {
        if (path != null && !path.isBlank()) {
            return Files.readAllBytes(Path.of(path.strip()));
        }
        return builtIn();
    }

    /** @return the built-in template, zipped from its XML parts (the bureau may download, edit and configure it) */
    static byte[] builtIn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String part : PARTS) {
                try (InputStream in = Docx.class.getClassLoader().getResourceAsStream(BUILT_IN + "/" + part)) {
                    if (in == null) {
                        throw new IOException("the built-in template part " + part + " is missing");
                    }
                    out.putNextEntry(new ZipEntry(part));
                    out.write(in.readAllBytes());
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** @return the template with every {@code {{key}}} replaced by its value (XML-escaped) */
    static byte[] fill(byte[] template, Map<String, String> values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean sawDocument = false;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(template));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                String name = e.getName();
                if (name.equals("word/document.xml") || name.matches("word/(header|footer)\\d*\\.xml")) {
                    sawDocument |= name.equals("word/document.xml");
                    String xml = new String(content, StandardCharsets.UTF_8);
                    content = replace(joinSplitPlaceholders(xml), values).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
            }
        }
        if (!sawDocument) {
            throw new IOException("the template is not a DOCX: it has no word/document.xml");
        }
        return bytes.toByteArray();
    }

    static String replace(String xml, Map<String, String> values) {
        String out = xml;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{{" + v.getKey() + "}}", escape(v.getValue() == null ? "" : v.getValue()));
        }
        return out;
    }

    /** Joins the text of a placeholder that Word split over several runs into the first of them. */
    static String joinSplitPlaceholders(String xml) {
        StringBuilder out = new StringBuilder(xml.length());
        int i = 0;
        while (true) {
            int open = xml.indexOf("{{", i);
            if (open < 0) {
                out.append(xml, i, xml.length());
                return out.toString();
            }
            int close = xml.indexOf("}}", open);
            if (close < 0) {
                out.append(xml, i, xml.length());
                return out.toString();
            }
            String between = xml.substring(open, close + 2);
            if (!between.contains("<")) {
                out.append(xml, i, close + 2);
            } else {
                // keep the placeholder's text in the first run; drop the markup between its pieces
                String text = between.replaceAll("<[^>]*>", "");
                out.append(xml, i, open).append(text);
            }
            i = close + 2;
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    /** @return the text of {@code word/document.xml} of a DOCX, its paragraphs one per line (tests, checks) */
    static String text(byte[] docx) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    return xml.replaceAll("</w:p>", "\n").replaceAll("<[^>]*>", "").replace("&lt;", "<")
                            .replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
                }
            }
        }
        throw new IOException("no word/document.xml");
    }
}
