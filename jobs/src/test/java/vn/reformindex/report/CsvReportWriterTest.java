package vn.reformindex.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.io.Storage;
import vn.reformindex.table.Tables;

/**
 * A report split by a column (the rejected records each unit receives) is written with its per-value files in
 * the same pass over the rows: each file holds exactly its value's rows, rows without a value go to
 * {@code khong-co-ma.csv}, two values that make the same file name get two files, and rows not ordered by the
 * split column stop the write instead of overwriting a file.
 */
class CsvReportWriterTest {
    @TempDir
    Path tmp;

    private static Dataset<Row> frame(String... unitAndDossier) {
        StructType schema = new StructType().add("unit_code", DataTypes.StringType).add("dossier_code", DataTypes.StringType);
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < unitAndDossier.length; i += 2) {
            rows.add(RowFactory.create(unitAndDossier[i], unitAndDossier[i + 1]));
        }
        return SparkTestSupport.spark().createDataFrame(rows, schema);
    }

    private static Report report(boolean ordered) {
        return Report.of("list.csv", Tables.OVERDUE_DOSSIERS, List.of("unit_code", "dossier_code"),
                d -> ordered ? d.orderBy(col("unit_code").asc_nulls_first(), col("dossier_code")) : d, true).alsoPerValueOf("unit_code");
    }

    private static List<String> lines(Path f) throws IOException {
        return List.of(Files.readString(f, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n"));
    }

    @Test
    void eachValueGetsItsOwnRowsInOnePass() throws IOException {
        Report r = report(true).resolve(frame("B", "D4", "A_1", "D3", null, "D0", "A/1", "D1", "A_1", "D2"));
        assertEquals(5, CsvReportWriter.write(r, Storage.local(), tmp.toString()));
        assertEquals(List.of("unit_code,dossier_code", "\"\",D0", "A/1,D1", "A_1,D2", "A_1,D3", "B,D4"), lines(tmp.resolve("list.csv")));
        Path parts = tmp.resolve("list");
        try (Stream<Path> files = Files.list(parts)) {
            assertEquals(List.of("A_1-2.csv", "A_1-2.vi.csv", "A_1.csv", "A_1.vi.csv", "B.csv", "B.vi.csv", "khong-co-ma.csv",
                    "khong-co-ma.vi.csv"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of("unit_code,dossier_code", "\"\",D0"), lines(parts.resolve("khong-co-ma.csv")));
        assertEquals(List.of("unit_code,dossier_code", "A/1,D1"), lines(parts.resolve("A_1.csv")));
        assertEquals(List.of("unit_code,dossier_code", "A_1,D2", "A_1,D3"), lines(parts.resolve("A_1-2.csv")));
        assertEquals(List.of("unit_code,dossier_code", "B,D4"), lines(parts.resolve("B.csv")));
        List<String> vi = lines(parts.resolve("B.vi.csv"));
        assertEquals(List.of("B,D4"), vi.subList(1, vi.size()));
        assertTrue(vi.get(0).startsWith("Mã đơn vị,"), vi.get(0));
    }

    @Test
    void rowsNotOrderedByTheSplitColumnStopTheWrite() {
        Report r = report(false).resolve(frame("A", "D1", "B", "D2", "A", "D3").coalesce(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CsvReportWriter.write(r, Storage.local(), tmp.toString()));
        assertEquals("list.csv: rows are not ordered by unit_code (A met again)", e.getMessage());
    }
}
