package vn.reformindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.AtomicType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TestInputs;
import vn.reformindex.cli.Main;

/**
 * Personal data never leaves ingest: distinctive names, ID numbers, phones and e-mails, in good and in
 * broken records, are searched for in every string of every table (read back through Spark) and in every
 * text file the run wrote, and in what the command printed.
 */
class PersonalDataTest {
    private static final String[] SECRETS = {"Trần Thị Bímật", "Tran Thi Bimat", "079188812345", "037777123", "0987650001",
            "bimat.tran@example.invalid"};

    @TempDir
    Path tmp;

    @Test
    void noPersonalValueReachesAnyOutput() throws IOException {
        String header = "MaHoSo,MaDonVi,MaTTHC,ChuHoSo,SoGiayToChuHoSo,SoDienThoai,Email,TrangThaiHoSo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayCapNhat\n";
        String csv = header
                + "000.15.00.H36-P1,000.15.00.H36,1.000001,Trần Thị Bímật,079188812345,0987650001,bimat.tran@example.invalid,10,20200302080000,20200306170000,20200304100000,20200304100000\n"
                + "000.15.00.H36-P2,000.15.00.H36,1.000001,\"Tran Thi Bimat, con\",037777123,0987650001,bimat.tran@example.invalid,4,20200302080000,20200306170000,,20200302080000\n"
                // broken records: bad status, bad date, unknown unit, and one that cannot be split
                + "000.15.00.H36-P3,000.15.00.H36,1.000001,Trần Thị Bímật,079188812345,0987650001,bimat.tran@example.invalid,42,20200302080000,,,\n"
                + "000.15.00.H36-P4,000.15.00.H36,1.000001,Trần Thị Bímật,079188812345,0987650001,bimat.tran@example.invalid,4,31/02/2020,,,\n"
                + "999.15.00.H36-P5,999.15.00.H36,1.000001,Trần Thị Bímật,079188812345,0987650001,bimat.tran@example.invalid,4,20200302080000,,,\n"
                + "000.15.00.H36-P6,Trần Thị Bímật,079188812345,0987650001,bimat.tran@example.invalid\n"
                // an older version of P1 (superseded)
                + "000.15.00.H36-P1,000.15.00.H36,1.000001,Trần Thị Bímật,079188812345,0987650001,bimat.tran@example.invalid,4,20200302080000,20200306170000,,20200302080000\n";
        String jsonl = "{\"MaHoSo\":\"000.15.00.H36-P7\",\"MaTTHC\":\"1.000001\",\"TrangThaiHoSo\":4,\"NgayTiepNhan\":\"20200302080000\","
                + "\"ChuHoSo\":\"Trần Thị Bímật\",\"SoGiayToChuHoSo\":\"079188812345\",\"SoDienThoai\":\"0987650001\",\"Email\":\"bimat.tran@example.invalid\"}\n"
                + "{\"MaHoSo\":\"000.15.00.H36-P8\",\"MaTTHC\":\"1.000001\",\"TrangThaiHoSo\":77,\"ChuHoSo\":\"Trần Thị Bímật\","
                + "\"SoGiayToChuHoSo\":\"079188812345\",\"Email\":\"bimat.tran@example.invalid\",\"TaiLieuNop\":[{\"ChuHoSo\":\"Tran Thi Bimat\"}]}\n"
                + "{\"MaHoSo\": \"000.15.00.H36-P9\", \"ChuHoSo\": \"Trần Thị Bímật\", \"SoDienThoai\": \"0987650001\"\n";
        TestInputs in = TestInputs.withGoldenReference(tmp).dossiers("people.csv", csv).dossiers("people.jsonl", jsonl);
        Path out = tmp.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"run", "--input", in.toString(), "--output", out.toString(), "--period", "2020"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));

        // Every table, read back through Spark, every string column and every nested value as JSON text.
        int tables = 0;
        long quarantined = 0;
        try (Stream<Path> dirs = Files.list(out.resolve("tables"))) {
            for (Path table : (Iterable<Path>) dirs::iterator) {
                try (Stream<Path> versions = Files.list(table)) {
                    for (Path version : (Iterable<Path>) versions::iterator) {
                        Dataset<Row> df = SparkTestSupport.spark().read().parquet(version.toString());
                        tables++;
                        if (table.getFileName().toString().equals("quarantine")) {
                            quarantined += df.count();
                            Row p3 = df.filter("dossier_code = '000.15.00.H36-P3'").first();
                            assertEquals("INVALID_STATUS", p3.getAs("reason"));
                            assertEquals("000.15.00.H36-P3,000.15.00.H36,1.000001,***,***,***,***,42,20200302080000,,,",
                                    p3.getAs("masked_text"), "the original text, personal fields masked");
                            Row p6 = df.filter("reason = 'MALFORMED_RECORD' AND source_file = 'dossiers/people.csv'").first();
                            org.junit.jupiter.api.Assertions.assertNull(p6.getAs("masked_text"), "a record that cannot be split keeps no text");
                            assertEquals(89, (int) p6.<Integer>getAs("byte_length"));
                            assertEquals(64, p6.<String>getAs("line_sha256").length());
                        }
                        assertEquals(0, df.filter(anySecret(df)).count(), "personal data in table " + table.getFileName());
                    }
                }
            }
        }
        assertTrue(tables >= 4, "tables scanned: " + tables);
        assertEquals(6, quarantined, "P3, P4, P5, P6, P8, P9 are quarantined (and scanned)");

        // Every file that is not Parquet (reports, manifests, pointers), as text.
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (p.toString().endsWith(".parquet")) {
                    continue;
                }
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                for (String s : SECRETS) {
                    assertTrue(!text.contains(s), "personal value in " + out.relativize(p));
                }
            }
        }
        for (String s : SECRETS) {
            assertTrue(!stdout.toString(StandardCharsets.UTF_8).contains(s) && !stderr.toString(StandardCharsets.UTF_8).contains(s));
        }
    }

    /** True when any string (or nested value rendered as JSON) of the row contains a secret. */
    private static Column anySecret(Dataset<Row> df) {
        java.util.List<Column> terms = new java.util.ArrayList<>(java.util.List.of(lit(false)));
        for (StructField f : df.schema().fields()) {
            Column text = f.dataType() instanceof StringType ? col(f.name())
                    : f.dataType() instanceof AtomicType ? col(f.name()).cast("string") : to_json(col(f.name()));
            for (String s : SECRETS) {
                terms.add(text.contains(s));
            }
        }
        // OR-ed as a balanced tree: a chain of a thousand terms overflowed the stack of Spark's conversion.
        while (terms.size() > 1) {
            java.util.List<Column> next = new java.util.ArrayList<>();
            for (int i = 0; i < terms.size(); i += 2) {
                next.add(i + 1 < terms.size() ? terms.get(i).or(terms.get(i + 1)) : terms.get(i));
            }
            terms = next;
        }
        return terms.get(0);
    }
}
