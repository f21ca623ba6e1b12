package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.reformindex.SamplesRun;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.io.Storage;
import vn.reformindex.pipeline.OutputStore;
import vn.reformindex.table.Tables;

/**
 * The list each unit receives to correct its exports (reports/rejected-records/&lt;unit&gt;.vi.csv), on
 * data-samples: one file per unit with rejected records, holding exactly that unit's rejected records (file,
 * line, reason, what to fix), and every one of them; the index names the run that made each file.
 */
class RejectedRecordsPerUnitTest {
    @Test
    void eachUnitGetsItsOwnRejectedRecordsAndOnlyThose() throws IOException {
        Path out = SamplesRun.output();
        Map<String, Map<String, String>> expected = new TreeMap<>(); // unit -> "file:line" -> reason
        for (Row r : new OutputStore(Storage.local(), out.toString()).read(SparkTestSupport.spark(), Tables.QUARANTINE)
                .select("unit_code", "source_file", "source_line", "reason").collectAsList()) {
            // The file is named after the unit code; characters a file name cannot carry become "_".
            String unit = r.isNullAt(0) ? "khong-co-ma" : r.getString(0).replaceAll("[^A-Za-z0-9._-]", "_");
            expected.computeIfAbsent(unit, k -> new TreeMap<>()).put(r.get(1) + ":" + r.get(2), r.getString(3));
        }
        assertTrue(expected.size() >= 3, "the sample has rejected records of several units: " + expected.keySet());
        Path folder = out.resolve("reports/rejected-records");
        Map<String, Map<String, String>> found = new TreeMap<>();
        List<String> header = null;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".vi.csv")).sorted().toList()) {
                String unit = f.getFileName().toString().replace(".vi.csv", "");
                String text = Files.readString(f, StandardCharsets.UTF_8).replace("\uFEFF", "");
                List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
                header = rows.get(0).toList();
                for (CSVRecord row : rows.subList(1, rows.size())) {
                    assertEquals(unit.equals("khong-co-ma") ? "" : unit, row.get(0).replaceAll("[^A-Za-z0-9._-]", "_"),
                            f + ": only the unit's own records");
                    found.computeIfAbsent(unit, k -> new TreeMap<>()).put(row.get(1) + ":" + row.get(2).replace(".", ""),
                            row.get(4));
                    assertTrue(!row.get(5).isBlank(), f + ": says what to fix");
                }
            }
        }
        assertEquals(List.of("Mã đơn vị", "Tệp nguồn", "Dòng trong tệp nguồn", "Mã hồ sơ", "Lý do bị loại", "Cách khắc phục"), header);
        // The same records per unit, the reasons shown by their Vietnamese labels.
        assertEquals(expected.keySet(), found.keySet());
        for (String unit : expected.keySet()) {
            assertEquals(expected.get(unit).keySet(), found.get(unit).keySet(), unit);
        }
        String index = Files.readString(out.resolve("reports/index.csv"), StandardCharsets.UTF_8);
        String firstUnit = expected.keySet().iterator().next();
        assertTrue(index.contains("rejected-records/" + firstUnit + ".vi.csv,"), "the index names the per-unit files");
    }
}
