package vn.reformindex.ingest;

import vn.reformindex.core.ReasonCode;
import vn.reformindex.core.WarningCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TestInputs;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;
import vn.reformindex.reference.ReferenceData;
import vn.reformindex.reference.ReferenceLoader;

/** Reader and validation rules on small hand-written inputs. */
class IngestRulesTest {
    private static final String HEADER = "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo,DanhGia,TongPhiLePhi,NgayCapNhat";

    @TempDir
    Path tmp;

    private static Dataset<Row> fates(TestInputs in) {
        SparkSession spark = SparkTestSupport.spark();
        Storage storage = Storage.local();
        ReferenceData ref = ReferenceLoader.load(storage, in.toString());
        List<InputFile> files = Ingest.listFiles(storage, in.toString());
        SeparatePasses.audit(spark, storage, files, ref.columnAliases);
        return Ingest.fates(SeparatePasses.read(spark, storage, files, ref), ref, UnaryOperator.identity());
    }

    private static Map<String, String> reasons(Dataset<Row> fates) {
        Map<String, String> m = new TreeMap<>();
        for (Row r : fates.select("source_line", "fate", "reason").collectAsList()) {
            m.put(String.format("%03d", r.getLong(0)), r.getString(1) + (r.isNullAt(2) ? "" : ":" + r.getString(2)));
        }
        return m;
    }

    @Test
    void everyReasonCodeInItsOrder() {
        String csv = HEADER + "\n"
                + "000.15.00.H36-A1,000.15.00.H36,1.000001,2,20200302080000,20200306170000,20200304100000,10,1,1.500,20200304100000\n"
                + "000.15.00.H36-A2,000.15.00.H36,1.000001,2,20200302080000\n"                                   // 3: too few fields
                + ",000.15.00.H36,1.000001,2,20200302080000,20200306170000,,4,,,\n"                               // 4: no code
                + "000.15.00.H36-A4,000.15.00.H36,1.000001,2,20200302080000,20200306170000,,11,,,\n"            // 5: status 11
                + "000.15.00.H36-A5,000.15.00.H36,1.000001,9,32/01/2020,20200306170000,,4,,,\n"                  // 6: date before value
                + "000.15.00.H36-A6,000.15.00.H36,1.000001,9,20200302080000,20200306170000,,4,,,\n"              // 7: channel 9
                + "000.15.00.H36-A7,000.15.00.H36,1.000001,1,20200302080000,20200306170000,,4,7,,\n"             // 8: rating 7
                + "000.15.00.H36-A8,000.15.00.H36,1.000001,1,20200302080000,20200306170000,,4,,-5,\n"            // 9: negative fee
                + "000.15.00.H36-A9,999.00.00.H99,1.000001,1,20200302080000,20200306170000,,4,,,\n"             // 10: unknown unit
                + "000.88.00.H36-A10,,1.000001,1,20200302080000,20200306170000,,4,,,\n"                           // 11: ended unit, no successor
                + "000.15.00.H36-A11,000.15.00.H36,1.000001,1,,20200306170000,,4,,,\n"                           // 12: no receipt
                + "000.15.00.H36-A12,000.15.00.H36,1.000001,1,20200302080000,20200306170000,,9,,,\n"             // 13: no end date
                + "000.15.00.H36-A13,000.15.00.H36,1.000001,1,20200302080000,20200306170000,20200301080000,10,,,\n" // 14: ends before receipt
                + "000.15.00.H36-A14,000.15.00.H36,1.000001,1,,,,1,,,\n"                                           // 15: registered, no receipt: fine
                + "ZZZ-A15,,1.000001,1,20200302080000,20200306170000,,4,,,\n";                                    // 16: unknown prefix
        Map<String, String> r = reasons(fates(TestInputs.withGoldenReference(tmp).dossiers("d.csv", csv)));
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("002", "accepted"), Map.entry("003", "quarantined:MALFORMED_RECORD"),
                Map.entry("004", "quarantined:MISSING_CODE"), Map.entry("005", "quarantined:INVALID_STATUS"),
                Map.entry("006", "quarantined:INVALID_DATE"), Map.entry("007", "quarantined:INVALID_VALUE"),
                Map.entry("008", "quarantined:INVALID_VALUE"), Map.entry("009", "quarantined:INVALID_VALUE"),
                Map.entry("010", "quarantined:UNKNOWN_UNIT"), Map.entry("011", "quarantined:UNIT_NOT_VALID_ON_DATE"),
                Map.entry("012", "quarantined:MISSING_RECEIPT_DATE"), Map.entry("013", "quarantined:MISSING_END_DATE"),
                Map.entry("014", "quarantined:END_BEFORE_RECEIPT"), Map.entry("015", "accepted"),
                Map.entry("016", "quarantined:UNKNOWN_UNIT")));
        assertEquals(expected, r);
    }

    @Test
    void columnsInAnotherOrderGiveTheSameStagedRows() {
        String a = HEADER + "\n"
                + "000.15.00.H36-B1,000.15.00.H36,1.000001,2,20200302080000,20200306170000,20200304100000,10,1,1.500,20200304100000\n"
                + "000.15.00.H36-B2,000.15.00.H36,1.000001,,2020-03-02 08:00:00,06/03/2020,,4,,,\n";
        String b = "NgayCapNhat,TongPhiLePhi,DanhGia,TrangThaiHoSo,NgayKetThucXuLy,NgayHenTra,NgayTiepNhan,KenhThucHien,MaTTHC,MaDonVi,MaHoSo\n"
                + "20200304100000,1.500,1,10,20200304100000,20200306170000,20200302080000,2,1.000001,000.15.00.H36,000.15.00.H36-B1\n"
                + ",,,4,,06/03/2020,2020-03-02 08:00:00,,1.000001,000.15.00.H36,000.15.00.H36-B2\n";
        List<Row> ra = IngestTables.staged(fates(TestInputs.withGoldenReference(tmp.resolve("a")).dossiers("d.csv", a)))
                .drop("source_file").orderBy("dossier_code").collectAsList();
        List<Row> rb = IngestTables.staged(fates(TestInputs.withGoldenReference(tmp.resolve("b")).dossiers("d.csv", b)))
                .drop("source_file").orderBy("dossier_code").collectAsList();
        assertEquals(2, ra.size());
        assertEquals(ra.toString(), rb.toString());
        Row b1 = ra.get(0);
        assertEquals(1500L, b1.getLong(b1.fieldIndex("fee_total")));
        assertEquals(2, b1.getInt(b1.fieldIndex("channel")));
        Row b2 = ra.get(1);
        assertEquals(1, b2.getInt(b2.fieldIndex("channel")), "empty channel means in person");
        assertEquals(LocalDateTime.of(2020, 3, 6, 0, 0), b2.get(b2.fieldIndex("due_at")), "a date alone means 00:00");
        assertNull(b2.get(b2.fieldIndex("synced_to_portal")), "an absent flag column is unknown");
    }

    @Test
    void quotedNewlinesAndBomAreRead() {
        String csv = "\uFEFFMaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,GhiChu\n"
                + "000.15.00.H36-C1,1.000001,4,20200302080000,\"two\nlines, and a comma\"\n"
                + "000.15.00.H36-C2,1.000001,4,20200302080000,plain\n";
        List<Row> rows = fates(TestInputs.withGoldenReference(tmp).dossiers("d.csv", csv))
                .select("dossier_code", "fate", "source_line", "unit_code").orderBy("dossier_code").collectAsList();
        assertEquals("[000.15.00.H36-C1,accepted,2,000.15.00.H36]", rows.get(0).toString());
        assertEquals("[000.15.00.H36-C2,accepted,4,000.15.00.H36]", rows.get(1).toString(), "line 4: the quoted newline counts");
    }

    @Test
    void codesAreNormalisedAndSuccessorsFollowed() {
        String csv = "MaHoSo,MaDonVi,MaTTHC,TrangThaiHoSo,NgayTiepNhan\n"
                + " 000.15.00.h36-d1 , 000.15.00.h36 ,1.000001,4,20200302080000\n"
                + "000.66.00.H36-D2,,1.000001,4,20200804080000\n"
                + "000.77.00.H36-D3,000.77.00.H36,1.000001,4,20200505080000\n";
        List<Row> rows = fates(TestInputs.withGoldenReference(tmp).dossiers("d.csv", csv))
                .select("dossier_code", "unit_code", "reported_unit_code", "warnings").orderBy("dossier_code").collectAsList();
        assertEquals("[000.15.00.H36-D1,000.15.00.H36,000.15.00.H36,ArraySeq()]", rows.get(0).toString());
        assertEquals("[000.66.00.H36-D2,000.15.00.H36,000.66.00.H36,ArraySeq(UNIT_FROM_PREFIX)]", rows.get(1).toString());
        assertEquals("[000.77.00.H36-D3,000.77.00.H36,000.77.00.H36,ArraySeq()]", rows.get(2).toString());
    }

    @Test
    void jsonLinesDeriveFlatFieldsAndFlatWins() {
        String jsonl = "{\"MaHoSo\":\"000.15.00.H36-J1\",\"MaTTHC\":\"1.000001\",\"TrangThaiHoSo\":10,\"NgayTiepNhan\":\"20200803080000\","
                + "\"NgayKetThucXuLy\":\"20200808100000\",\"TaiLieuNop\":[{\"DuocSoHoa\":0,\"DuocTaiSuDung\":2}],"
                + "\"DanhSachLePhi\":[{\"Gia\":20000},{\"Gia\":\"1.500\"}],\"DanhSachHoSoBoSung\":[{\"NgayBoSung\":\"20200804090000\",\"NgayTiepNhanBoSung\":\"20200805103000\"},{\"NgayBoSung\":\"20200806090000\"}]}\n"
                + "{\"MaHoSo\":\"000.15.00.H36-J2\",\"MaTTHC\":\"1.000001\",\"TrangThaiHoSo\":\"4\",\"NgayTiepNhan\":\"20200803080000\",\"SoLanBoSung\":5,\"DanhSachHoSoBoSung\":[]}\n"
                + "[1,2,3]\n"
                + "{not json\n";
        Dataset<Row> f = fates(TestInputs.withGoldenReference(tmp).dossiers("d.jsonl", jsonl));
        List<Row> rows = f.select("source_line", "fate", "reason", "supplement_count", "supplement_hours", "fee_total",
                "has_digitized_component", "reused_digitized_data", "from_citizen_data_store").orderBy("source_line").collectAsList();
        assertEquals("[1,accepted,null,2,25.50,21500,false,true,null]", rows.get(0).toString());
        assertEquals("[2,accepted,null,5,0.00,null,null,null,null]", rows.get(1).toString());
        assertEquals("[3,quarantined,MALFORMED_RECORD,null,null,null,null,null,null]", rows.get(2).toString());
        assertEquals("[4,quarantined,MALFORMED_RECORD,null,null,null,null,null,null]", rows.get(3).toString());
    }

    @Test
    void dedupKeepsTheNewestAndValidatesOnlyIt() {
        String older = "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayCapNhat\n"
                + "000.15.00.H36-E1,1.000001,4,20200302080000,20200303080000\n"
                + "000.15.00.H36-E2,1.000001,4,20200302080000,20200305080000\n";
        String newer = "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayCapNhat\n"
                + "000.15.00.H36-E1,1.000001,4,20200302080000,20200303080000\n"   // same time: later file wins
                + "000.15.00.H36-E2,1.000001,99,20200302080000,20200304080000\n"; // older and invalid: superseded, never validated
        Map<String, String> m = new TreeMap<>();
        for (Row r : fates(TestInputs.withGoldenReference(tmp).dossiers("a.csv", older).dossiers("b.csv", newer))
                .select("source_file", "source_line", "fate").collectAsList()) {
            m.put(r.getString(0) + ":" + r.getLong(1), r.getString(2));
        }
        assertEquals(Map.of("dossiers/a.csv:2", "superseded", "dossiers/a.csv:3", "accepted",
                "dossiers/b.csv:2", "accepted", "dossiers/b.csv:3", "superseded"), m);
    }

    /** The refusal of the stage's one-pass reader (records and audit from the same bytes). */
    private static PipelineException onePassError(TestInputs in) {
        Storage storage = Storage.local();
        ReferenceData ref = ReferenceLoader.load(storage, in.toString());
        Ingest.Reading reading = Ingest.readOnce(SparkTestSupport.spark(), storage, Ingest.listFiles(storage, in.toString()), ref);
        assertEquals(0, reading.raw.count(), "no record of a refused file is read");
        return assertThrows(PipelineException.class, reading::audits);
    }

    @Test
    void aMissingRequiredColumnStopsTheRunNamingFileAndLine() {
        TestInputs in = TestInputs.withGoldenReference(tmp).dossiers("bad.csv", "MaHoSo,TrangThaiHoSo\nX-1,4\n");
        Storage storage = Storage.local();
        ReferenceData ref = ReferenceLoader.load(storage, in.toString());
        PipelineException e = assertThrows(PipelineException.class,
                () -> SeparatePasses.audit(SparkTestSupport.spark(), storage, Ingest.listFiles(storage, in.toString()), ref.columnAliases));
        assertEquals(ExitCode.UNREADABLE_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("dossiers/bad.csv, line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("MaTTHC"), e.getMessage());
        assertEquals(e.getMessage(), onePassError(in).getMessage(), "the one-pass reader refuses the file alike");
    }

    @Test
    void anInvalidUtf8ByteStopsTheRunNamingFileAndOffset() {
        byte[] good = "MaHoSo,MaTTHC,TrangThaiHoSo\n000.15.00.H36-F1,1.000001,4\n000.15.00.H36-F2,1.0000".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 3];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xC3; // a lead byte followed by an ASCII byte: invalid
        bad[good.length + 1] = '1';
        bad[good.length + 2] = '\n';
        TestInputs in = TestInputs.withGoldenReference(tmp).bytes("dossiers/latin1.csv", bad);
        Storage storage = Storage.local();
        ReferenceData ref = ReferenceLoader.load(storage, in.toString());
        PipelineException e = assertThrows(PipelineException.class,
                () -> SeparatePasses.audit(SparkTestSupport.spark(), storage, Ingest.listFiles(storage, in.toString()), ref.columnAliases));
        assertEquals(ExitCode.UNREADABLE_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("dossiers/latin1.csv, line 3 (byte offset " + good.length + ")"), e.getMessage());
        assertEquals(e.getMessage(), onePassError(in).getMessage(), "the one-pass reader refuses the file alike");
    }

    @Test
    void aliasesMapForeignColumnNames() {
        TestInputs in = TestInputs.withGoldenReference(tmp)
                .file("column-aliases.csv", "TenCot,CotChuan\nMa_Ho_So,MaHoSo\nNgayNhan,NgayTiepNhan\n")
                .dossiers("d.csv", "Ma_Ho_So,MaTTHC,TrangThaiHoSo,NgayNhan\n000.15.00.H36-G1,1.000001,4,20200302080000\n");
        Row r = fates(in).select("fate", "received_at").first();
        assertEquals("accepted", r.getString(0));
        assertEquals(LocalDate.of(2020, 3, 2), ((LocalDateTime) r.get(1)).toLocalDate());
    }
}
