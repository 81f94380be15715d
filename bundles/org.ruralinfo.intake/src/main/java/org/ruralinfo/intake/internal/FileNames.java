package org.ruralinfo.intake.internal;

/** A client's file name made safe to store and to show: no folders, no control characters, bounded. */
final class FileNames {
    private FileNames() {
    }

    static String clean(String name, String extension) {
        String n = name == null ? "" : name;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        StringBuilder sb = new StringBuilder();
        n.codePoints().filter(cp -> !Character.isISOControl(cp) && cp != '"' && cp != ';' && cp != '\u2028'
                && cp != '\u2029').forEach(sb::appendCodePoint);
        n = sb.toString().strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.isEmpty()) {
            n = "attachment" + extension;
        }
        return n.length() > 200 ? n.substring(0, 200) : n;
    }
}
