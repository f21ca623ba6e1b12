package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TestInputs;
import vn.reformindex.cli.Main;

/**
 * Issue 10: values in columns outside the contract (CSV and JSON, top level and nested), like personal
 * fields, never reach any output. A full run is made on records carrying distinctive values there
 * (accepted, superseded, quarantined for several reasons, malformed), with a .txt file beside them; then a
 * run that a header-less CSV stops. Every output is searched: each Parquet table read back through Spark
 * as JSON text, every other file the runs wrote (reports, _RUN.json, pointers), what the command printed,
 * and the log.
 */
class UnknownColumnsLeakTest {
    private static final List<String> SECRETS = List.of("Lò Văn Khẩnbímật", "001099012345", "0909111222",
            "Số 9 Hẻm Bímật", "ho-chieu-B1234567", "khanbimat@example.invalid");

    @TempDir
    Path tmp;

    @Test
    void noValueOutsideTheContractReachesAnyOutput() throws IOException {
        String header = "MaHoSo,MaDonVi,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayCapNhat,"
                + "ChuHoSo,SoDienThoai,CCCD,HoTenNguoiNop,DiaChi,GiayTo\n";
        String pii = "Lò Văn Khẩnbímật,0909111222,001099012345,Lò Văn Khẩnbímật,\"Số 9 Hẻm Bímật, Lạng Sơn\",ho-chieu-B1234567";
        String csv = header
                + "000.15.00.H36-L1,000.15.00.H36,1.000001,10,20200302080000,20200306170000,20200304100000,20200304100000," + pii + "\n"
                + "000.15.00.H36-L2,000.15.00.H36,1.000001,4,20200302080000,20200306170000,,20200302080000," + pii + "\n"
                + "000.15.00.H36-L1,000.15.00.H36,1.000001,4,20200302080000,20200306170000,,20200302080000," + pii + "\n" // superseded
                + "000.15.00.H36-L3,000.15.00.H36,1.000001,42,20200302080000,,,," + pii + "\n"                            // INVALID_STATUS
                + "000.15.00.H36-L4,000.15.00.H36,1.000001,4,31/02/2020,,,," + pii + "\n"                                 // INVALID_DATE
                + "999.00.00.H36-L5,999.00.00.H36,1.000001,4,20200302080000,,,," + pii + "\n"                            // UNKNOWN_UNIT
                + "000.15.00.H36-L6\u0000,000.15.00.H36,1.000001,4,20200302080000,,,," + pii + "\n"                      // INVALID_VALUE
                + "000.15.00.H36-L7,000.15.00.H36," + pii + "\n";                                                       // MALFORMED_RECORD
        String person = "\"ChuHoSo\":\"Lò Văn Khẩnbímật\",\"Email\":\"khanbimat@example.invalid\",\"CCCD\":\"001099012345\","
                + "\"HoTenNguoiNop\":\"Lò Văn Khẩnbímật\",\"NguoiNop\":{\"CCCD\":\"001099012345\",\"DiaChi\":\"Số 9 Hẻm Bímật\","
                + "\"GiayTo\":[{\"So\":\"ho-chieu-B1234567\"}],\"DienThoai\":\"0909111222\"},"
                + "\"TaiLieuNop\":[{\"TenTepDinhKem\":\"ho-chieu-B1234567.pdf\",\"DuocSoHoa\":1,\"NguoiKy\":\"Lò Văn Khẩnbímật\"}],"
                + "\"DanhSachLePhi\":[{\"TenPhiLePhi\":\"Lò Văn Khẩnbímật\",\"Gia\":20000}],"
                + "\"DanhSachGiayToKetQua\":[{\"TenGiayTo\":\"001099012345\",\"DuongDanTepTinKetQua\":\"https://example.invalid/kq.pdf\"}]";
        String jsonl = "{\"MaHoSo\":\"000.15.00.H36-L8\",\"MaTTHC\":\"1.000001\",\"TrangThaiHoSo\":4,\"NgayTiepNhan\":\"20200302080000\"," + person + "}\n"
                + "{\"MaHoSo\":\"000.15.00.H36-L9\",\"MaTTHC\":\"1.000001\",\"TrangThaiHoSo\":true,\"NgayTiepNhan\":\"20200302080000\"," + person + "}\n"
                + "{\"MaHoSo\":\"000.15.00.H36-L10\",\"MaTTHC\":\"1.000001\",\"TrangThaiHoSo\":4,\"TongPhiLePhi\":1e309,\"NgayTiepNhan\":\"20200302080000\"," + person + "}\n"
                + "{\"MaHoSo\":\"000.15.00.H36-L11\",\"CCCD\":\"001099012345\"," + person + ",\"CCCD\":\"0909111222\"}\n" // a key twice: MALFORMED_RECORD
                + "{\"MaHoSo\":\"000.15.00.H36-L12\",\"MaTTHC\":\"1.000001\",\"TrangThaiHoSo\":77," + person + "}\n";
        TestInputs in = TestInputs.withGoldenReference(tmp).dossiers("people.csv", csv).dossiers("people.jsonl", jsonl)
                .dossiers("ghi-chu.txt", "Lò Văn Khẩnbímật 001099012345\n");
        Path out = tmp.resolve("out");
        StringWriter log = new StringWriter();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = withLogCapture(log, () -> Main.run(new String[]{"run", "--input", in.toString(), "--output", out.toString(),
                "--period", "2020"}, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8)));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));

        List<String> texts = new ArrayList<>();
        Set<String> tables = new TreeSet<>();
        int parquetRows = scanOutputs(out, texts, tables);
        assertTrue(tables.containsAll(Set.of("staged_dossiers", "quarantine", "reconciliation", "ingest_warnings", "dossier_facts",
                "processing_summary")), "tables scanned: " + tables);
        assertTrue(parquetRows > 0);
        String quarantine = String.join("\n", texts.stream().filter(t -> t.startsWith("quarantine ")).toList());
        assertTrue(quarantine.contains("000.15.00.H36-L12") && quarantine.contains("\"NguoiNop\\\":{\\\"CCCD\\\":\\\"***\\\""),
                "the quarantined JSON keeps the names of the fields outside the contract: " + quarantine);
        assertEquals(9, texts.stream().filter(t -> t.startsWith("quarantine ")).count(), "L3, L4, L5, L6, L7, L9, L10, L11, L12: " + quarantine);
        assertTrue(texts.stream().anyMatch(t -> t.contains("IGNORED_FILE") && t.contains("dossiers/ghi-chu.txt")), "the .txt is listed");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("_RUN.json ") && t.contains("\"ignored_files\"")
                && t.contains("dossiers/ghi-chu.txt")), "and in the run record's ingest notes");
        texts.add("stdout " + stdout.toString(StandardCharsets.UTF_8));
        texts.add("stderr " + stderr.toString(StandardCharsets.UTF_8));
        texts.add("log " + log);
        assertEquals(List.of(), IngestHarness.leaks(texts, SECRETS));

        // A CSV without its header row stops the run: the message names the file, the line and what was expected.
        TestInputs headerless = TestInputs.withGoldenReference(tmp.resolve("b"))
                .dossiers("no-header.csv", csv.substring(header.length()));
        Path out2 = tmp.resolve("out2");
        StringWriter log2 = new StringWriter();
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        int refused = withLogCapture(log2, () -> Main.run(new String[]{"ingest", "--input", headerless.toString(), "--output", out2.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err2, true, StandardCharsets.UTF_8)));
        assertEquals(3, refused);
        String message = err2.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("dossiers/no-header.csv, line 1: expected a header row with the columns MaHoSo, MaTTHC, TrangThaiHoSo; "
                + "the first row has 14 fields, 0 of them contract columns"), message);
        List<String> texts2 = new ArrayList<>();
        scanOutputs(out2, texts2, new TreeSet<>());
        assertTrue(texts2.stream().anyMatch(t -> t.contains("_RUN.json") && t.contains("expected a header row")), "the failed run's record: " + texts2);
        texts2.add("stderr " + message);
        texts2.add("log " + log2);
        assertEquals(List.of(), IngestHarness.leaks(texts2, SECRETS));
        assertEquals(List.of(), IngestHarness.leaks(texts2, List.of("000.15.00.H36-L1", "20200306170000")), "no value of the first row");
    }

    /** Adds every output as text (Parquet folders read back through Spark); returns the Parquet rows read. */
    private static int scanOutputs(Path out, List<String> texts, Set<String> tables) throws IOException {
        int rows = 0;
        Set<Path> parquetDirs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (p.toString().endsWith(".parquet")) {
                    parquetDirs.add(p.getParent());
                } else if (!p.getFileName().toString().endsWith(".crc")) {
                    texts.add(out.relativize(p) + " " + new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                }
            }
        }
        for (Path dir : parquetDirs) {
            Path rel = out.relativize(dir);
            String table = rel.getNameCount() >= 2 && rel.getName(0).toString().equals("tables") ? rel.getName(1).toString() : rel.toString();
            tables.add(table);
            for (String json : SparkTestSupport.spark().read().parquet(dir.toString()).toJSON().collectAsList()) {
                texts.add(table + " " + json);
                rows++;
            }
        }
        return rows;
    }

    /** Runs the command with every log event (at the configured levels) also written to {@code log}. */
    private static int withLogCapture(StringWriter log, java.util.function.IntSupplier command) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder().setName("leak-capture").setTarget(log)
                .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m%n%throwable").build()).build();
        appender.start();
        cfg.addAppender(appender);
        cfg.getRootLogger().addAppender(appender, Level.ALL, null);
        ctx.updateLoggers();
        try {
            return command.getAsInt();
        } finally {
            cfg.getRootLogger().removeAppender("leak-capture");
            ctx.updateLoggers();
            appender.stop();
        }
    }
}
