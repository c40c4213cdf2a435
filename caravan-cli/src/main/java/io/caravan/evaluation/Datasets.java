package io.caravan.evaluation;

import io.caravan.reference.CsvTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reading the public datasets of {@code shared/data}, with an error that names a missing file. */
final class Datasets {

    private Datasets() {
    }

    static Path require(Path dir, String relative) throws IOException {
        Path f = dir.resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + " is missing; --data names the folder of the public datasets (shared/data)");
        }
        return f;
    }

    static Reader open(Path f, Charset cs) throws IOException {
        if (f.getFileName().toString().endsWith(".gz")) {
            return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)), cs));
        }
        return Files.newBufferedReader(f, cs);
    }

    /** Rows of a CSV with a header line, as maps from column to value. */
    static List<Map<String, String>> csv(Path f, Charset cs) throws IOException {
        try (Reader r = open(f, cs)) {
            List<CsvTable.Row> rows = CsvTable.headerless(f.getFileName().toString(), "", r).rows();
            List<Map<String, String>> out = new ArrayList<>(rows.size());
            CsvTable.Row header = rows.get(0);
            for (int i = 1; i < rows.size(); i++) {
                Map<String, String> m = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    m.put(header.at(c).trim().replace("\uFEFF", ""), rows.get(i).at(c));
                }
                out.add(m);
            }
            return out;
        }
    }
}
