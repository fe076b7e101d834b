package org.srmap.server.stats;

import java.util.List;
import java.util.Map;

/**
 * Statistics as RFC 4180 CSV: a header of the key columns, count, unplaced and any measures, then a
 * line per group.
 */
final class StatsCsv {
    private StatsCsv() {}

    static String write(List<String> columns, List<String> measures, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (String c : columns) {
            out.append(c).append(',');
        }
        out.append("count,unplaced");
        measures.forEach(m -> out.append(',').append(m));
        out.append("\r\n");
        for (Map<String, Object> row : rows) {
            for (String c : columns) {
                field(out, row.get(c));
                out.append(',');
            }
            out.append(row.get("count")).append(',').append(row.get("unplaced"));
            for (String m : measures) {
                out.append(',');
                field(out, row.get(m));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static void field(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        String s = value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            out.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else {
            out.append(s);
        }
    }
}
