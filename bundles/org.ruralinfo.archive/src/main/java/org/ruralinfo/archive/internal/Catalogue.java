package org.ruralinfo.archive.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The human-readable catalogue of a package ({@code index.html}), in Chinese: one row per item with its
 * unit, type, title, dates, adoptions and files, then the paper copies and the annotations. Every text
 * from the records is HTML-escaped; the page has no script and no outside reference.
 */
final class Catalogue {
    private static final Map<String, String> TYPES = Map.of("work_results", "工作成效类", "experience", "经验做法类",
            "business", "业务工作信息", "research", "调研信息", "commissioned", "约稿信息", "meeting", "重要会议精神、重大决策落实",
            "emergency", "突发事件、事故、灾情", "opinion", "舆情类", "group_summary", "专项组汇总信息");
    private static final Map<String, String> LEVELS = Map.of("prefecture_briefing", "州简报采用", "region_publication",
            "自治区刊物采用", "region_instruction", "自治区领导批示");
    private static final Map<String, String> REASONS = Map.of("forwarded", "报送自治区", "region_publication",
            "自治区刊物采用", "region_instruction", "自治区领导批示");

    private Catalogue() {
    }

    /**
     * @param title   the page's heading
     * @param facts   label/value lines under the heading
     * @param items   item details as in volume.json (id, unit_name, type, title, submitted_at, forwarded_at,
     *                reasons, adoptions, attachments)
     * @param paper   paper copies as in volume.json, may be null
     * @param notes   annotations, may be null
     */
    static String html(String title, List<String[]> facts, JsonNode items, JsonNode paper, JsonNode notes) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
                        + "width:100%;margin-bottom:2em}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;"
                        + "font-size:14px}th{background:#eee}</style>\n</head>\n<body>\n<h1>").append(esc(title))
                .append("</h1>\n<dl>\n");
        for (String[] f : facts) {
            b.append("<dt>").append(esc(f[0])).append("</dt><dd>").append(esc(f[1])).append("</dd>\n");
        }
        b.append("</dl>\n<h2>信息目录</h2>\n<table>\n<thead><tr><th>序号</th><th>编号</th><th>报送单位</th><th>类型</th>"
                + "<th>标题</th><th>报送时间</th><th>归档原因</th><th>采用情况</th><th>附件</th></tr></thead>\n<tbody>\n");
        int n = 0;
        for (JsonNode i : items) {
            b.append("<tr><td>").append(++n).append("</td><td>").append(esc(i.path("id").asText()))
                    .append("</td><td>").append(esc(i.path("unit_name").asText(i.path("unit").asText())))
                    .append("</td><td>").append(esc(TYPES.getOrDefault(i.path("type").asText(), i.path("type").asText())))
                    .append("</td><td>").append(esc(i.path("title").asText()))
                    .append("</td><td>").append(esc(i.path("submitted_at").asText("")))
                    .append("</td><td>");
            for (JsonNode r : i.path("reasons")) {
                b.append(esc(REASONS.getOrDefault(r.asText(), r.asText()))).append("<br>");
            }
            if (!i.path("forwarded_at").isMissingNode() && !i.path("forwarded_at").isNull()) {
                b.append(esc(i.path("forwarded_at").asText()));
            }
            b.append("</td><td>");
            for (JsonNode a : i.path("adoptions")) {
                b.append(esc(LEVELS.getOrDefault(a.path("level").asText(), a.path("level").asText()))).append(' ')
                        .append(esc(a.path("at").asText(""))).append(' ').append(esc(a.path("issue").asText("")))
                        .append("<br>");
            }
            b.append("</td><td>");
            for (JsonNode a : i.path("attachments")) {
                b.append(esc(a.path("name").asText())).append(" (").append(a.path("size").asLong()).append(" 字节)<br>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (paper != null && paper.size() > 0) {
            b.append("<h2>纸质档案登记</h2>\n<table>\n<thead><tr><th>盒号</th><th>卷号</th><th>件号</th><th>架位</th>"
                    + "<th>对应信息</th><th>立卷人</th><th>归档日期</th><th>备注</th></tr></thead>\n<tbody>\n");
            for (JsonNode p : paper) {
                b.append("<tr><td>").append(esc(p.path("box").asText())).append("</td><td>")
                        .append(esc(p.path("volume").asText())).append("</td><td>").append(esc(p.path("piece").asText()))
                        .append("</td><td>").append(esc(p.path("shelf").asText(""))).append("</td><td>")
                        .append(esc(p.path("item").asText(""))).append("</td><td>")
                        .append(esc(p.path("filed_by").asText())).append("</td><td>")
                        .append(esc(p.path("filed_on").asText())).append("</td><td>")
                        .append(esc(p.path("note").asText(""))).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        if (notes != null && notes.size() > 0) {
            b.append("<h2>批注</h2>\n<table>\n<thead><tr><th>时间</th><th>批注人</th><th>对应信息</th><th>内容</th></tr>"
                    + "</thead>\n<tbody>\n");
            for (JsonNode a : notes) {
                b.append("<tr><td>").append(esc(a.path("at").asText())).append("</td><td>")
                        .append(esc(a.path("author").asText())).append("</td><td>").append(esc(a.path("item").asText("")))
                        .append("</td><td>").append(esc(a.path("note").asText())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("<p>每个文件的SHA-256校验值见 manifest.json，其签名见 manifest.sig (Ed25519)。"
                + "校验: POST /api/v1/archive/verify。</p>\n</body>\n</html>\n");
        return b.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
