package vn.reformindex.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.io.Storage;
import vn.reformindex.report.WorkbookWriter.Sheet;
import vn.reformindex.summary.SummaryReports;
import vn.reformindex.table.ColumnDecl;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * {@link WorkbookWriter}: the workbook is read back with Apache POI (an independent reader) and every cell's
 * type, value and display format is compared with the tables' declarations: counts are numbers ({@code #,##0}),
 * percentages and points numbers with two decimals, dates date cells, procedure codes, unit codes and periods
 * text, booleans {@code có}/{@code không}, codes their Vietnamese labels, nulls blank; header frozen, filter
 * over the data, sheet names valid and unique; a 100,000-row sheet streams; Excel's row limit continues a sheet.
 */
class WorkbookWriterTest {
    @TempDir
    Path tmp;

    static final String GROUP_1 = "Sở, ban, ngành thuộc Ủy ban nhân dân tỉnh - nhóm 1";
    static final String GROUP_2 = "Sở, ban, ngành thuộc Ủy ban nhân dân tỉnh - nhóm 2";

    // ------------------------------------------------------------------ frames shaped like the tables

    /** A frame with the table's schema; unnamed required columns get a zero value of their type. */
    static Dataset<Row> frame(StructType schema, List<Map<String, Object>> rows) {
        List<Row> out = new ArrayList<>();
        for (Map<String, Object> m : rows) {
            Object[] v = new Object[schema.fields().length];
            for (int i = 0; i < v.length; i++) {
                StructField f = schema.fields()[i];
                v[i] = m.containsKey(f.name()) ? m.get(f.name()) : f.nullable() ? null : zero(f.dataType());
            }
            out.add(RowFactory.create(v));
        }
        return SparkTestSupport.spark().createDataFrame(out, schema);
    }

    static Object zero(DataType t) {
        if (t.equals(DataTypes.StringType)) return "";
        if (t.equals(DataTypes.IntegerType)) return 0;
        if (t.equals(DataTypes.LongType)) return 0L;
        if (t.equals(DataTypes.BooleanType)) return false;
        if (t instanceof DecimalType) return BigDecimal.ZERO;
        if (t.equals(DataTypes.DateType)) return LocalDate.of(2025, 6, 1);
        if (t.equals(DataTypes.TimestampNTZType)) return LocalDateTime.of(2025, 6, 1, 0, 0);
        throw new IllegalArgumentException(t.simpleString());
    }

    /** A table's schema with the given members of its column families (e.g. group_1_points). */
    static StructType schema(TableDecl table, String... familyMembers) {
        List<StructField> fields = new ArrayList<>();
        for (ColumnDecl c : table.columns()) {
            if (c.isFamily()) {
                for (String m : familyMembers) {
                    fields.add(new StructField(c.nameFor(m), c.type(), true, Metadata.empty()));
                }
            } else {
                fields.add(new StructField(c.name(), c.type(), c.nullable(), Metadata.empty()));
            }
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Report processingSummary() {
        Dataset<Row> t = frame(Tables.PROCESSING_SUMMARY.schema(), List.of(
                row("unit_code", "001", "unit_name", "Sở Tư pháp", "unit_level", "SO", "parent_code", null, "scope", "self",
                        "period", "2025-06", "period_kind", "month", "period_start", LocalDate.of(2025, 6, 1),
                        "period_end", LocalDate.of(2025, 6, 30), "as_of", LocalDate.of(2025, 6, 30), "no_data", false,
                        "received", 47540L, "resolved", 1234567L, "early_pct", new BigDecimal("36.0833333333"),
                        "late_pct", null, "last_record_at", LocalDateTime.of(2025, 6, 30, 17, 45, 12), "quarantined", 3L),
                row("unit_code", "000.00.01.H12", "unit_name", "Tỉnh A", "unit_level", "TINH", "parent_code", "001",
                        "scope", "subtree", "period", "2025-06", "period_kind", "month", "no_data", true, "received", 0L,
                        "early_pct", null, "last_record_at", null)));
        return SummaryReports.processingSummary().resolve(t);
    }

    static final String LONG_NAME = "Cấp giấy phép ".repeat(3000); // 42,000 characters: past Excel's 32,767

    static Report overdueDossiers() {
        Dataset<Row> t = frame(Tables.OVERDUE_DOSSIERS.schema(), List.of(
                row("unit_code", "001", "period", "2025-06", "period_start", LocalDate.of(2025, 6, 1),
                        "period_end", LocalDate.of(2025, 6, 30), "as_of", LocalDate.of(2025, 6, 30), "kind", "open_overdue",
                        "dossier_code", "000.00.01.H12-250601-0001", "procedure_code", "1.003005",
                        "procedure_name", "Cấp phiếu lý lịch tư pháp", "field_code", "12", "channel", 2,
                        "received_at", LocalDateTime.of(2025, 6, 2, 8, 30), "due_date", LocalDate.of(2025, 6, 12),
                        "late_until", LocalDate.of(2025, 6, 30), "days_late", 18, "apology_letter", null),
                row("unit_code", "001", "period", "2025-06", "kind", "resolved_late", "dossier_code", "000.00.01.H12-250601-0002",
                        "procedure_code", "2.001", "procedure_name", LONG_NAME, "channel", 1, "due_date", LocalDate.of(2025, 6, 10),
                        "end_at", LocalDateTime.of(2025, 6, 11, 9, 0), "days_late", 1, "apology_letter", true)));
        return allOverdue().resolve(t);
    }

    /** Both kinds of overdue dossiers in one report, every column the lists print. */
    static Report allOverdue() {
        return Report.of("overdue-dossiers.csv", Tables.OVERDUE_DOSSIERS, List.of("unit_code", "period", "as_of", "kind",
                "dossier_code", "procedure_code", "procedure_name", "field_code", "received_at", "due_date", "late_until",
                "days_late", "apology_letter"), d -> d.orderBy(col("period"), col("unit_code"), col("kind"), col("dossier_code")), true);
    }

    /** The rankings report as RankStage cuts it, with one group of criteria. */
    static Report rankings() {
        List<String> cols = List.of("period", "as_of", "peer_group", "rank", "ranked_units", "unit_code", "unit_name", "tier",
                "published_total", "available_max", "unranked_reason", "group_1_points", "previous_year_period",
                "change_total_vs_previous_year", "change_rank_vs_previous_year", "change_vs_previous_year_reason",
                "preceding_period", "change_total_vs_preceding", "change_rank_vs_preceding", "change_vs_preceding_reason",
                "criteria_set_id", "criteria_set_version");
        Dataset<Row> t = frame(schema(Tables.RANKINGS, "1"), List.of(
                ranked("S01", GROUP_1, 1, "87.50"), ranked("S02", GROUP_1, 2, "80.25"), ranked("S03", GROUP_2, 1, "91.00"),
                row("unit_code", "X01", "period", "2025-06", "unit_level", "XA", "peer_group", null, "status", "no_data",
                        "ranked", false, "unranked_reason", "no_peer_group", "criteria_set_id", "766", "criteria_set_version", "2025.1")));
        return Report.of("rankings.csv", Tables.RANKINGS, cols,
                        d -> d.orderBy(col("period"), col("peer_group"), col("rank").asc_nulls_last(), col("unit_code")), true)
                .withFamilyLabels(Map.of("1", "1: Công tác chỉ đạo")).resolve(t);
    }

    static Map<String, Object> ranked(String unit, String group, int rank, String total) {
        return row("unit_code", unit, "period", "2025-06", "unit_level", "SO", "peer_group", group, "status", "scored",
                "ranked", true, "rank", rank, "ranked_units", 2L, "published_total", new BigDecimal(total),
                "group_1_points", new BigDecimal("12.3456789012"), "change_vs_preceding_reason", "no_comparison",
                "criteria_set_id", "766", "criteria_set_version", "2025.1");
    }

    // ------------------------------------------------------------------ reading back

    static XSSFWorkbook read(Path file) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    /** Row 1's headers, by Vietnamese header: the column index. */
    static Map<String, Integer> headers(XSSFSheet s) {
        Map<String, Integer> out = new HashMap<>();
        XSSFRow r = s.getRow(0);
        for (int c = 0; c < r.getLastCellNum(); c++) {
            out.put(r.getCell(c).getStringCellValue(), c);
        }
        return out;
    }

    /** A cell by its row (1 = the first data row) and the column's name in the report. */
    static XSSFCell cell(XSSFSheet s, Report report, int row, String column) {
        int c = -1;
        List<Report.Column> columns = report.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                c = i;
            }
        }
        assertTrue(c >= 0, column);
        return s.getRow(row).getCell(c);
    }

    static void assertText(String want, XSSFCell c) {
        assertNotNull(c);
        assertEquals(CellType.STRING, c.getCellType(), c.getReference());
        assertEquals(want, c.getStringCellValue(), c.getReference());
    }

    static void assertNumber(double want, String format, XSSFCell c) {
        assertNotNull(c);
        assertEquals(CellType.NUMERIC, c.getCellType(), c.getReference());
        assertEquals(want, c.getNumericCellValue(), 1e-9, c.getReference());
        assertEquals(format, c.getCellStyle().getDataFormatString(), c.getReference());
        assertFalse(DateUtil.isCellDateFormatted(c), c.getReference());
    }

    static void assertDate(LocalDateTime want, String format, XSSFCell c) {
        assertNotNull(c);
        assertEquals(CellType.NUMERIC, c.getCellType(), c.getReference());
        assertTrue(DateUtil.isCellDateFormatted(c), c.getReference());
        assertEquals(format, c.getCellStyle().getDataFormatString(), c.getReference());
        assertEquals(want, c.getLocalDateTimeCellValue(), c.getReference());
    }

    static void assertBlank(XSSFCell c) {
        assertTrue(c == null || c.getCellType() == CellType.BLANK, () -> c.getReference() + " " + c);
    }

    /** Header frozen, header bold, autofilter over the header and every data row. */
    static void assertLayout(XSSFWorkbook wb, XSSFSheet s, Report report, int dataRows) {
        PaneInformation pane = s.getPaneInformation();
        assertNotNull(pane, s.getSheetName());
        assertTrue(pane.isFreezePane());
        assertEquals(1, pane.getHorizontalSplitPosition());
        assertEquals(0, pane.getVerticalSplitPosition());
        List<Report.Column> columns = report.columns();
        String last = org.apache.poi.ss.util.CellReference.convertNumToColString(columns.size() - 1);
        assertEquals("A1:" + last + (dataRows + 1), s.getCTWorksheet().getAutoFilter().getRef(), s.getSheetName());
        assertEquals(dataRows, s.getLastRowNum());
        XSSFName filter = null;
        for (XSSFName n : wb.getAllNames()) {
            if (n.getNameName().equals("_xlnm._FilterDatabase") && n.getSheetIndex() == wb.getSheetIndex(s)) {
                filter = n;
            }
        }
        assertNotNull(filter, "the filter's defined name");
        for (int c = 0; c < columns.size(); c++) {
            XSSFCell h = s.getRow(0).getCell(c);
            assertText(columns.get(c).vietnameseHeader(), h);
            assertTrue(wb.getFontAt(h.getCellStyle().getFontIndex()).getBold(), h.getReference());
            assertTrue(s.getColumnWidth(c) >= 8 * 256, h.getReference());
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void cellsAreTypedByTheDeclaredFormats() throws IOException {
        Report summary = processingSummary();
        Report overdue = overdueDossiers();
        Path file = tmp.resolve("run.xlsx");
        long n = WorkbookWriter.write(List.of(Sheet.of("Tổng hợp", summary), Sheet.of("Hồ sơ quá hạn", overdue)),
                Storage.local(), file.toString());
        assertEquals(4, n);
        try (XSSFWorkbook wb = read(file)) {
            assertEquals(2, wb.getNumberOfSheets());
            XSSFSheet s = wb.getSheet("Tổng hợp");
            assertLayout(wb, s, summary, 2);
            // Ordered by period, unit_code, scope: "000.00.01.H12" before "001".
            assertText("000.00.01.H12", cell(s, summary, 1, "unit_code"));
            assertText("001", cell(s, summary, 2, "unit_code"));
            assertText("2025-06", cell(s, summary, 2, "period"));
            assertText("Sở Tư pháp", cell(s, summary, 2, "unit_name"));
            assertText("Sở, ban, ngành", cell(s, summary, 2, "unit_level"));
            assertText("Cấp tỉnh", cell(s, summary, 1, "unit_level"));
            assertText("Riêng đơn vị", cell(s, summary, 2, "scope")); // Vocab.SCOPE
            assertText("Đơn vị và các đơn vị trực thuộc", cell(s, summary, 1, "scope"));
            assertText("không", cell(s, summary, 2, "no_data"));
            assertText("có", cell(s, summary, 1, "no_data"));
            assertNumber(47540, "#,##0", cell(s, summary, 2, "received"));
            assertNumber(1234567, "#,##0", cell(s, summary, 2, "resolved"));
            assertNumber(0, "#,##0", cell(s, summary, 1, "received"));
            assertNumber(3, "#,##0", cell(s, summary, 2, "quarantined"));
            assertNumber(36.0833333333, "0.00", cell(s, summary, 2, "early_pct")); // the exact value, shown 36.08
            assertEquals("36.08", new org.apache.poi.ss.usermodel.DataFormatter(Locale.ROOT)
                    .formatCellValue(cell(s, summary, 2, "early_pct")));
            assertBlank(cell(s, summary, 2, "late_pct"));
            assertBlank(cell(s, summary, 1, "early_pct"));
            assertBlank(cell(s, summary, 2, "parent_code"));
            assertText("001", cell(s, summary, 1, "parent_code"));
            assertDate(LocalDateTime.of(2025, 6, 1, 0, 0), "dd/mm/yyyy", cell(s, summary, 2, "period_start"));
            assertDate(LocalDateTime.of(2025, 6, 30, 0, 0), "dd/mm/yyyy", cell(s, summary, 2, "as_of"));
            assertDate(LocalDateTime.of(2025, 6, 30, 17, 45, 12), "dd/mm/yyyy hh:mm:ss", cell(s, summary, 2, "last_record_at"));
            assertBlank(cell(s, summary, 1, "last_record_at"));
            assertEquals("30/06/2025 17:45:12", new org.apache.poi.ss.usermodel.DataFormatter(Locale.ROOT)
                    .formatCellValue(cell(s, summary, 2, "last_record_at")));

            XSSFSheet o = wb.getSheet("Hồ sơ quá hạn");
            assertLayout(wb, o, overdue, 2);
            assertText("1.003005", cell(o, overdue, 1, "procedure_code"));
            assertEquals("@", cell(o, overdue, 1, "procedure_code").getCellStyle().getDataFormatString()); // stays text when typed over
            assertText("2.001", cell(o, overdue, 2, "procedure_code"));
            assertText("12", cell(o, overdue, 1, "field_code"));
            assertText("000.00.01.H12-250601-0001", cell(o, overdue, 1, "dossier_code"));
            assertText("Đang giải quyết quá hạn", cell(o, overdue, 1, "kind"));
            assertText("Đã giải quyết trễ hạn", cell(o, overdue, 2, "kind"));
            assertNumber(18, "#,##0", cell(o, overdue, 1, "days_late"));
            assertDate(LocalDateTime.of(2025, 6, 2, 8, 30), "dd/mm/yyyy hh:mm:ss", cell(o, overdue, 1, "received_at"));
            assertDate(LocalDateTime.of(2025, 6, 12, 0, 0), "dd/mm/yyyy", cell(o, overdue, 1, "due_date"));
            assertBlank(cell(o, overdue, 2, "received_at"));
            assertBlank(cell(o, overdue, 1, "apology_letter"));
            assertText("có", cell(o, overdue, 2, "apology_letter"));
            String cut = cell(o, overdue, 2, "procedure_name").getStringCellValue();
            assertEquals(WorkbookWriter.EXCEL_MAX_CELL_TEXT, cut.length());
            assertTrue(LONG_NAME.startsWith(cut.substring(0, cut.length() - 1)) && cut.endsWith("…"));
        }
    }

    @Test
    void rankingsOneSheetPerPeerGroupWithValidUniqueNames() throws IOException {
        Report rankings = rankings();
        List<Sheet> sheets = Workbooks.rankingSheets(rankings);
        assertEquals(3, sheets.size());
        Path file = tmp.resolve("rankings.xlsx");
        assertEquals(4, WorkbookWriter.write(sheets, Storage.local(), file.toString()));
        try (XSSFWorkbook wb = read(file)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
            }
            assertEquals(List.of("Xếp hạng - Sở, ban, ngành thuộc", "Xếp hạng - Sở, ban, ngành t (2)",
                    "Không thuộc nhóm xếp hạng"), names);
            assertValidAndUnique(names);

            XSSFSheet g1 = wb.getSheetAt(0);
            assertLayout(wb, g1, rankings, 2);
            assertText(GROUP_1, cell(g1, rankings, 1, "peer_group"));
            assertText("S01", cell(g1, rankings, 1, "unit_code"));
            assertNumber(1, "#,##0", cell(g1, rankings, 1, "rank"));
            assertNumber(2, "#,##0", cell(g1, rankings, 1, "ranked_units"));
            assertNumber(87.5, "0.00", cell(g1, rankings, 1, "published_total"));
            assertNumber(12.3456789012, "0.00", cell(g1, rankings, 1, "group_1_points"));
            assertEquals("Điểm nhóm 1: Công tác chỉ đạo", cell(g1, rankings, 0, "group_1_points").getStringCellValue());
            assertText("Không có kỳ so sánh", cell(g1, rankings, 1, "change_vs_preceding_reason"));
            assertBlank(cell(g1, rankings, 1, "unranked_reason"));
            assertText("2025.1", cell(g1, rankings, 1, "criteria_set_version"));
            assertText("766", cell(g1, rankings, 1, "criteria_set_id"));
            assertText("S02", cell(g1, rankings, 2, "unit_code"));

            XSSFSheet g2 = wb.getSheetAt(1);
            assertLayout(wb, g2, rankings, 1);
            assertText(GROUP_2, cell(g2, rankings, 1, "peer_group"));
            assertNumber(91, "0.00", cell(g2, rankings, 1, "published_total"));

            XSSFSheet none = wb.getSheetAt(2);
            assertLayout(wb, none, rankings, 1);
            assertText("X01", cell(none, rankings, 1, "unit_code"));
            assertBlank(cell(none, rankings, 1, "peer_group"));
            assertBlank(cell(none, rankings, 1, "rank"));
            assertText("Không thuộc nhóm xếp hạng nào", cell(none, rankings, 1, "unranked_reason"));
        }
    }

    static void assertValidAndUnique(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            assertTrue(!n.isEmpty() && n.length() <= 31, n);
            assertTrue(n.chars().noneMatch(ch -> "[]:*?/\\".indexOf(ch) >= 0 || ch < 0x20), n);
            assertFalse(n.startsWith("'") || n.endsWith("'"), n);
            assertTrue(seen.add(n.toLowerCase(Locale.ROOT)), "unique without case: " + n);
        }
    }

    @Test
    void sheetNamesAreValidAndUnique() {
        List<String> wanted = List.of("Xếp hạng - " + GROUP_1, "Xếp hạng - " + GROUP_2, "xếp hạng - " + GROUP_1,
                "Q1/2025: [tỉnh] *?\\", "'Trích'", "", "History", "Tab\tname", "Hồ sơ quá hạn", "HỒ SƠ QUÁ HẠN");
        List<String> names = WorkbookWriter.sheetNames(wanted);
        assertValidAndUnique(names);
        assertEquals(List.of("Xếp hạng - Sở, ban, ngành thuộc", "Xếp hạng - Sở, ban, ngành t (2)",
                "xếp hạng - Sở, ban, ngành t (3)", "Q1-2025- -tỉnh- ---", "Trích", "Trang tính", "History-", "Tab name",
                "Hồ sơ quá hạn", "HỒ SƠ QUÁ HẠN (2)"), names);
    }

    @Test
    void ratiosDecimalsListsAndDatesBefore1900() throws IOException {
        TableDecl t = TableDecl.builder("formats", "test").key("code")
                .required("code", vn.reformindex.table.Types.STRING, vn.reformindex.table.Format.TEXT, "Mã", "a code")
                .col("ratio", vn.reformindex.table.Types.EXACT, vn.reformindex.table.Format.RATIO_4, "Tỷ lệ", "a ratio")
                .col("difference", vn.reformindex.table.Types.EXACT, vn.reformindex.table.Format.DECIMAL, "Chênh lệch", "exact")
                .col("warnings", vn.reformindex.table.Types.STRINGS, vn.reformindex.table.Format.LIST, "Cảnh báo", "codes")
                .col("day", vn.reformindex.table.Types.DATE, vn.reformindex.table.Format.DATE, "Ngày", "a date")
                .build();
        Dataset<Row> data = frame(t.schema(), List.of(
                row("code", "0123", "ratio", new BigDecimal("0.3608333333"), "difference", new BigDecimal("-0.0000000001"),
                        "warnings", List.of("UNIT_FROM_PREFIX", "PROCEDURE_UNKNOWN"), "day", LocalDate.of(1899, 12, 30)),
                row("code", "1E5", "ratio", BigDecimal.ZERO.setScale(10), "difference", new BigDecimal("12345.5000000000"),
                        "warnings", List.of(), "day", LocalDate.of(2024, 2, 29))));
        Report report = Report.of("formats.csv", t, List.of("code", "ratio", "difference", "warnings", "day"),
                d -> d.orderBy(col("code")), false).resolve(data);
        Path file = tmp.resolve("formats.xlsx");
        assertEquals(2, WorkbookWriter.write(List.of(Sheet.of("Định dạng", report)), Storage.local(), file.toString()));
        try (XSSFWorkbook wb = read(file)) {
            XSSFSheet s = wb.getSheetAt(0);
            assertLayout(wb, s, report, 2);
            assertText("0123", cell(s, report, 1, "code"));
            assertText("1E5", cell(s, report, 2, "code")); // not 100000
            assertNumber(0.3608333333, "0.0000", cell(s, report, 1, "ratio"));
            assertNumber(0, "0.0000", cell(s, report, 2, "ratio"));
            assertNumber(-0.0000000001, "General", cell(s, report, 1, "difference"));
            assertNumber(12345.5, "General", cell(s, report, 2, "difference"));
            assertText("UNIT_FROM_PREFIX, PROCEDURE_UNKNOWN", cell(s, report, 1, "warnings"));
            assertText("", cell(s, report, 2, "warnings"));
            assertText("1899-12-30", cell(s, report, 1, "day")); // Excel has no such date: text, never a wrong one
            assertDate(LocalDateTime.of(2024, 2, 29, 0, 0), "dd/mm/yyyy", cell(s, report, 2, "day"));
        }
        // The exact digits are in the file, not a double's approximation or an exponent.
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xml.contains("<v>-0.0000000001</v>") && xml.contains("<v>0.3608333333</v>")
                    && xml.contains("<v>0.0000000000</v>"), xml);
        }
    }

    @Test
    void aRunsReportsMakeItsSheets() {
        Report other = Report.of("other-list.csv", Tables.OVERDUE_DOSSIERS, List.of("unit_code"), d -> d, false)
                .resolve(overdueDossiers().data());
        Report late = SummaryReports.resolvedLate().resolve(overdueDossiers().data());
        List<Sheet> sheets = Workbooks.sheets(List.of(processingSummary(), late, rankings(), other));
        List<String> names = new ArrayList<>();
        sheets.forEach(s -> names.add(s.name()));
        assertEquals(List.of("Tổng hợp xử lý hồ sơ", "Hồ sơ giải quyết trễ hạn", "Xếp hạng - " + GROUP_1, "Xếp hạng - " + GROUP_2,
                "Không thuộc nhóm xếp hạng", "other-list"), names);
    }

    /** An overdue_dossiers frame of n generated rows, conformed to its declaration. */
    static Report generatedOverdue(long n) {
        Dataset<Row> t = SparkTestSupport.spark().range(n).selectExpr(
                "concat('U', cast(id % 50 as string)) as unit_code", "'2025-06' as period",
                "date'2025-06-01' as period_start", "date'2025-06-30' as period_end", "date'2025-06-30' as as_of",
                "if(id % 2 = 0, 'open_overdue', 'resolved_late') as kind",
                "concat('000.00.01.H12-', lpad(cast(id as string), 8, '0')) as dossier_code", "'1.003005' as procedure_code",
                "'Cấp phiếu lý lịch tư pháp' as procedure_name", "'12' as field_code", "cast(1 + id % 3 as int) as channel",
                "timestamp_ntz'2025-05-01 08:00:00' as received_at", "date'2025-06-10' as due_date",
                "cast(null as timestamp_ntz) as end_at", "date'2025-06-30' as late_until", "cast(id % 30 as int) as days_late",
                "cast(0 as int) as supplement_count", "if(id % 3 = 0, null, id % 3 = 1) as apology_letter",
                "'Đơn vị' as unit_name");
        return allOverdue().resolve(Tables.OVERDUE_DOSSIERS.conform(t));
    }

    @Test
    void aHundredThousandRowsStream() throws Exception {
        Path file = tmp.resolve("big.xlsx");
        assertEquals(100_000, WorkbookWriter.write(List.of(Sheet.of("Hồ sơ quá hạn", generatedOverdue(100_000))),
                Storage.local(), file.toString()));
        assertEquals(List.of(100_001), rowsPerSheet(file));
    }

    @Test
    void aSheetPastTheRowLimitContinuesWithItsHeader() throws Exception {
        Report overdue = generatedOverdue(250);
        Path file = tmp.resolve("limit.xlsx");
        assertEquals(250 + 2, WorkbookWriter.write(List.of(Sheet.of("Hồ sơ quá hạn", overdue),
                Sheet.of("Tổng hợp", processingSummary())), Storage.local(), file.toString(), 100));
        assertEquals(List.of(101, 101, 51, 3), rowsPerSheet(file));
        try (XSSFWorkbook wb = read(file)) {
            assertEquals(List.of("Hồ sơ quá hạn", "Hồ sơ quá hạn (2)", "Hồ sơ quá hạn (3)", "Tổng hợp"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
            assertLayout(wb, wb.getSheetAt(1), overdue, 100);
            assertLayout(wb, wb.getSheetAt(2), overdue, 50);
            List<Row> ordered = overdue.data().select("dossier_code").collectAsList(); // the report's order
            assertText(ordered.get(0).getString(0), cell(wb.getSheetAt(0), overdue, 1, "dossier_code"));
            assertText(ordered.get(100).getString(0), cell(wb.getSheetAt(1), overdue, 1, "dossier_code"));
            assertText(ordered.get(249).getString(0), cell(wb.getSheetAt(2), overdue, 50, "dossier_code"));
        }
    }

    @Test
    void anEmptyReportIsASheetWithItsHeader() throws IOException {
        Report overdue = allOverdue().resolve(frame(Tables.OVERDUE_DOSSIERS.schema(), List.of()));
        Path file = tmp.resolve("empty.xlsx");
        assertEquals(0, WorkbookWriter.write(List.of(Sheet.of("Hồ sơ quá hạn", overdue)), Storage.local(), file.toString()));
        try (XSSFWorkbook wb = read(file)) {
            XSSFSheet s = wb.getSheetAt(0);
            assertEquals(0, s.getLastRowNum());
            assertEquals("A1:" + org.apache.poi.ss.util.CellReference.convertNumToColString(overdue.columns().size() - 1) + "2",
                    s.getCTWorksheet().getAutoFilter().getRef());
            assertTrue(s.getPaneInformation().isFreezePane());
        }
    }

    @Test
    void aFailedWriteLeavesNoFile() {
        Path file = tmp.resolve("failed.xlsx");
        Report unresolved = allOverdue(); // never resolved: its rows cannot be read
        assertThrows(IllegalStateException.class, () -> WorkbookWriter.write(
                List.of(Sheet.of("Tổng hợp", processingSummary()), Sheet.of("Hồ sơ quá hạn", unresolved)),
                Storage.local(), file.toString()));
        assertFalse(Files.exists(file));
        assertThrows(IllegalArgumentException.class, () -> WorkbookWriter.write(List.of(), Storage.local(), file.toString()));
        assertFalse(Files.exists(file));
    }

    /** Rows per worksheet, counted by streaming each sheet's XML (no workbook in memory). */
    static List<Integer> rowsPerSheet(Path file) throws IOException, XMLStreamException {
        List<Integer> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (int i = 1; zip.getEntry("xl/worksheets/sheet" + i + ".xml") != null; i++) {
                int rows = 0;
                try (InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet" + i + ".xml"))) {
                    XMLStreamReader x = XMLInputFactory.newInstance().createXMLStreamReader(in);
                    while (x.hasNext()) {
                        if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("row")) {
                            rows++;
                        }
                    }
                    x.close();
                }
                out.add(rows);
            }
        }
        return out;
    }
}
