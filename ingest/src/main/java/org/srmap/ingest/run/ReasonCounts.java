package org.srmap.ingest.run;

import java.util.Map;
import java.util.TreeMap;

/** Counts by reason code (planetiler's habit): data problems are tallied, never thrown. */
public final class ReasonCounts {
    private final Map<String, Long> counts = new TreeMap<>();

    public void add(String code) {
        add(code, 1);
    }

    public void add(String code, long n) {
        if (n != 0) {
            counts.merge(code, n, Long::sum);
        }
    }

    public void addAll(ReasonCounts other) {
        other.counts.forEach(this::add);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> asMap() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** {"code": n, ...} in code order. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        counts.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"')
                    .append(k.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\": ")
                    .append(v);
        });
        return sb.append('}').toString();
    }
}
