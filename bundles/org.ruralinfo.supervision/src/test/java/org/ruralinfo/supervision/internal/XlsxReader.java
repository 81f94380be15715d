package org.ruralinfo.supervision.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads an .xlsx back with the JDK alone: the sheets in order, each a list of rows of cell texts. */
final class XlsxReader {
    private XlsxReader() {
    }

    static List<List<List<String>>> read(byte[] xlsx) throws Exception {
        Map<String, byte[]> parts = new HashMap<>();
        // the central directory (ZipFile): fastexcel streams its entries with data descriptors
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("read-back", ".xlsx");
        try {
            java.nio.file.Files.write(tmp, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(tmp.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    try (java.io.InputStream in = zip.getInputStream(e)) {
                        parts.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList si = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < si.getLength(); i++) {
                shared.add(si.item(i).getTextContent());
            }
        }
        TreeMap<Integer, List<List<String>>> sheets = new TreeMap<>();
        for (Map.Entry<String, byte[]> p : parts.entrySet()) {
            if (!p.getKey().matches("xl/worksheets/sheet\\d+\\.xml")) {
                continue;
            }
            int n = Integer.parseInt(p.getKey().replaceAll("\\D", ""));
            List<List<String>> rows = new ArrayList<>();
            NodeList rs = xml(p.getValue()).getElementsByTagName("row");
            for (int i = 0; i < rs.getLength(); i++) {
                Element row = (Element) rs.item(i);
                int r = Integer.parseInt(row.getAttribute("r")) - 1;
                while (rows.size() <= r) {
                    rows.add(new ArrayList<>());
                }
                NodeList cs = row.getElementsByTagName("c");
                for (int j = 0; j < cs.getLength(); j++) {
                    Element c = (Element) cs.item(j);
                    int col = column(c.getAttribute("r"));
                    String type = c.getAttribute("t");
                    String text;
                    if ("s".equals(type)) {
                        text = shared.get(Integer.parseInt(c.getElementsByTagName("v").item(0).getTextContent()));
                    } else if ("inlineStr".equals(type)) {
                        text = c.getElementsByTagName("is").item(0).getTextContent();
                    } else {
                        NodeList v = c.getElementsByTagName("v");
                        text = v.getLength() == 0 ? "" : v.item(0).getTextContent();
                    }
                    List<String> cells = rows.get(r);
                    while (cells.size() <= col) {
                        cells.add("");
                    }
                    cells.set(col, text);
                }
            }
            sheets.put(n, rows);
        }
        return new ArrayList<>(sheets.values());
    }

    private static int column(String ref) {
        int col = 0;
        for (char ch : ref.toCharArray()) {
            if (Character.isLetter(ch)) {
                col = col * 26 + (ch - 'A' + 1);
            }
        }
        return col - 1;
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    static String number(String s) throws IOException {
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
