package io.caravan.server.ingest;

import java.util.List;

/** Line numbers as compact ranges, e.g. {@code 1-16,18,20-5000}. */
final class LineRanges {

    private LineRanges() {
    }

    static String of(List<Long> sorted) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            long start = sorted.get(i);
            long end = start;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == end + 1) {
                end = sorted.get(++i);
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(start);
            if (end > start) {
                sb.append('-').append(end);
            }
            i++;
        }
        return sb.toString();
    }
}
