package vn.reformindex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark's independent baseline: recomputes from the raw CSV dossier files, in DuckDB SQL and
 * without any of the pipeline's code, the reconciliation counts per quarantine reason, every count column
 * of the processing summary (scope self) per unit for one year, and the numerators and denominators of
 * criteria 1.4, 2.1, 3.3 and 5.4 (definitions.md, criteria/766.yaml); then reads Spark's published
 * Parquet tables (through the newest pointer file) and compares them column by column.
 *
 * <p>Usage: {@code DuckDbBaseline --input DIR --output SPARK_OUT --period YYYY [--threads N]}. Prints a
 * per-column agreement table and the DuckDB time per part next to Spark's (from _RUN.json). Exit code 0
 * when every compared value agrees, 1 on any difference, 2 on bad arguments or a failure.
 *
 * <p>Scope: CSV dossier files only (JSON Lines and column aliases are not read; bench/run gives both
 * sides the same CSV-only input). Working-hour limits (unit {@code giờ}) of dossiers without a due date
 * are treated as undecided (none in the generated data; the baseline prints how many such dossiers it met).
 */
public final class DuckDbBaseline {
    /** Columns of the input contract that the baseline reads, all as text. */
    static final String[] COLUMNS = {
        "MaHoSo", "MaDonVi", "MaTTHC", "KenhThucHien", "MucDo", "LoaiDoiTuong",
        "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "NgayTuChoi", "NgayDanhGia",
        "TrangThaiHoSo", "SoLanBoSung", "GioChoBoSung", "CoPhieuXinLoi", "DaDongBoDVCQG", "HoSoCoThanhPhanSoHoa",
        "CoTaiSuDungDuLieu", "CoLayTuKhoDMQG", "CoKetQuaDienTu", "TaiKhoanDuocXacThucVoiVNeID",
        "DuocThanhToanTrucTuyen", "TongPhiLePhi", "DanhGia", "CoPhanAnhKienNghi", "NgayCapNhat",
    };
    static final String[] DATES = {"NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra",
        "NgayTuChoi", "NgayDanhGia", "NgayCapNhat"};
    static final String[] FLAGS = {"CoPhieuXinLoi", "DaDongBoDVCQG", "HoSoCoThanhPhanSoHoa", "CoTaiSuDungDuLieu",
        "CoLayTuKhoDMQG", "CoKetQuaDienTu", "TaiKhoanDuocXacThucVoiVNeID", "CoPhanAnhKienNghi"};
    static final String[] SUMMARY_COUNTS = {"carried_over", "received", "received_in_person", "received_online",
        "received_postal", "resolved", "early", "on_time", "late", "timeliness_unknown", "early_or_on_time",
        "withdrawn", "stopped", "open_in_time", "open_overdue", "refused_at_intake", "registered_not_received",
        "late_with_apology", "rated", "very_satisfied", "satisfied", "unsatisfied", "handled"};
    static final String[] REASONS = {"MALFORMED_RECORD", "MISSING_CODE", "INVALID_STATUS", "INVALID_DATE",
        "INVALID_VALUE", "UNKNOWN_UNIT", "UNIT_NOT_VALID_ON_DATE", "MISSING_RECEIPT_DATE", "MISSING_END_DATE",
        "END_BEFORE_RECEIPT"};
    static final String[] CRITERIA = {"1.4", "2.1", "3.3", "5.4"};

    private final Connection db;
    private final Path input;
    private final Path output;
    private final int year;
    private int differences;
    private final List<String[]> agreement = new ArrayList<>();

    private DuckDbBaseline(Connection db, Path input, Path output, int year) {
        this.db = db;
        this.input = input;
        this.output = output;
        this.year = year;
    }

    public static void main(String[] args) throws Exception {
        Path input = null;
        Path output = null;
        String period = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--input": input = Path.of(args[i + 1]); break;
                case "--output": output = Path.of(args[i + 1]); break;
                case "--period": period = args[i + 1]; break;
                case "--threads": threads = Integer.parseInt(args[i + 1]); break;
                default:
                    System.err.println("DuckDbBaseline: unknown option " + args[i]);
                    System.exit(2);
            }
        }
        if (input == null || output == null || period == null || !period.matches("\\d{4}")) {
            System.err.println("usage: DuckDbBaseline --input DIR --output SPARK_OUT --period YYYY [--threads N]");
            System.exit(2);
        }
        int rc;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbBaseline b = new DuckDbBaseline(c, input, output, Integer.parseInt(period));
            rc = b.run(threads);
        } catch (SQLException | IOException e) {
            System.err.println("DuckDbBaseline: failed: " + e.getMessage());
            rc = 2;
        }
        System.exit(rc);
    }

    private int run(int threads) throws SQLException, IOException {
        exec("SET threads = " + threads);
        exec("SET preserve_insertion_order = true");
        // Spill files beside the run's data (deleted with it), not in a .tmp/ of the caller's folder.
        exec("SET temp_directory = '" + output.toAbsolutePath().getParent().resolve("duckdb-tmp").toString().replace("'", "''") + "'");
        long t0 = System.nanoTime();
        loadReferences();
        int files = loadRaw();
        validate();
        long t1 = System.nanoTime();
        facts();
        summary();
        criteria();
        long t2 = System.nanoTime();
        double ingestS = (t1 - t0) / 1e9;
        double analyticsS = (t2 - t1) / 1e9;

        System.out.printf(Locale.ROOT, "duckdb      : %s, %d threads, %d CSV dossier files, %d records read%n",
                scalar("SELECT version()"), threads, files, longScalar("SELECT count(*) FROM raw"));
        System.out.printf(Locale.ROOT, "baseline    : as_of %s (data cut-off %s), %d accepted, %d quarantined, %d superseded%n",
                scalar("SELECT as_of FROM period"), scalar("SELECT cut_off FROM period"),
                longScalar("SELECT count(*) FROM fate WHERE fate = 'accepted'"),
                longScalar("SELECT count(*) FROM fate WHERE fate = 'quarantined'"),
                longScalar("SELECT count(*) FROM fate WHERE fate = 'superseded'"));
        long hoursUndecided = longScalar("SELECT count(*) FROM pf WHERE handled AND due_date IS NULL AND supplement_count <= 1 AND time_limit_unit = 'HOURS'");
        if (hoursUndecided > 0) {
            System.out.println("note        : " + hoursUndecided + " handled dossiers without a due date on an hour limit: undecided here (not implemented)");
        }

        long c0 = System.nanoTime();
        JsonNode pointer = newestPointer();
        compareReconciliation(pointer);
        compareSummary(pointer);
        compareCriteria(pointer);
        double compareS = (System.nanoTime() - c0) / 1e9;

        printAgreement();
        printTimes(ingestS, analyticsS, compareS);
        if (differences == 0) {
            System.out.println("agreement   : ALL AGREE (" + agreement.size() + " columns compared)");
            return 0;
        }
        System.out.println("agreement   : " + differences + " DIFFERING values");
        return 1;
    }

    // ---- reference tables ---------------------------------------------------------------------------

    private void loadReferences() throws SQLException {
        // Strict timestamps in the contract's formats (and the pipeline's documented extras); null when not a real date.
        exec("CREATE MACRO ts(v) AS CASE"
                + " WHEN v IS NULL THEN NULL"
                + " WHEN regexp_full_match(v, '[0-9]{14}') THEN try_strptime(v, '%Y%m%d%H%M%S')"
                + " WHEN regexp_full_match(v, '[0-9]{8}') THEN try_strptime(v, '%Y%m%d')"
                + " WHEN regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}') THEN try_strptime(v, '%Y-%m-%d %H:%M:%S')"
                + " WHEN regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}') THEN try_strptime(v, '%Y-%m-%dT%H:%M:%S')"
                + " WHEN regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN try_strptime(v, '%Y-%m-%d')"
                + " WHEN regexp_full_match(v, '[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}') THEN try_strptime(v, '%d/%m/%Y %H:%M:%S')"
                + " WHEN regexp_full_match(v, '[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}') THEN try_strptime(v, '%d/%m/%Y %H:%M')"
                + " WHEN regexp_full_match(v, '[0-9]{2}/[0-9]{2}/[0-9]{4}') THEN try_strptime(v, '%d/%m/%Y')"
                + " END");
        exec("CREATE MACRO code(v) AS nullif(upper(trim(nfc_normalize(v))), '')");
        exec("CREATE MACRO txt(v) AS nullif(trim(v), '')");
        // A non-negative integer of at most 9 digits within [lo, hi]; 'bad' sentinel -1 when present but invalid.
        exec("CREATE MACRO int_in(v, lo, hi) AS CASE WHEN v IS NULL THEN NULL"
                + " WHEN regexp_full_match(v, '[0-9]{1,9}') AND CAST(v AS INTEGER) BETWEEN lo AND hi THEN CAST(v AS INTEGER)"
                + " ELSE -1 END");
        String units = csv(input.resolve("units.csv"));
        exec("CREATE TABLE units AS SELECT code(MaDonVi) AS unit_code, code(CapDonVi) AS unit_level,"
                + " CAST(ts(txt(HieuLucTu)) AS DATE) AS valid_from, CAST(ts(txt(HieuLucDen)) AS DATE) AS valid_to,"
                + " list_filter(list_transform(string_split(coalesce(MaDonViKeThua, ''), ';'), lambda x: code(x)), lambda x: x IS NOT NULL) AS successors"
                + " FROM " + units);
        // Every unit reachable through successor links (a chain of mergers).
        exec("CREATE TABLE reach AS WITH RECURSIVE r(unit_code, succ) AS ("
                + " SELECT u.unit_code, s.succ FROM units u, unnest(u.successors) AS s(succ)"
                + " UNION SELECT r.unit_code, s.succ FROM r JOIN units u ON u.unit_code = r.succ, unnest(u.successors) AS s(succ))"
                + " SELECT * FROM r");
        Path proc = input.resolve("procedures.csv");
        if (Files.exists(proc)) {
            exec("CREATE TABLE procedures AS SELECT code(MaTTHC) AS procedure_code,"
                    + " txt(YeuCauKetQuaGiayTo) = '1' AS requires_document_result,"
                    + " TRY_CAST(replace(txt(ThoiHanGiaiQuyet), ',', '.') AS DECIMAL(12,2)) AS time_limit,"
                    + " CASE lower(txt(DonViTinh)) WHEN 'ngày làm việc' THEN 'WORKING_DAYS' WHEN 'ngày' THEN 'DAYS'"
                    + " WHEN 'giờ' THEN 'HOURS' END AS time_limit_unit FROM " + csv(proc));
        } else {
            exec("CREATE TABLE procedures (procedure_code VARCHAR, requires_document_result BOOLEAN, time_limit DECIMAL(12,2), time_limit_unit VARCHAR)");
        }
        Path hol = input.resolve("holidays.csv");
        exec("CREATE TABLE holidays (day DATE)");
        if (Files.exists(hol)) {
            exec("INSERT INTO holidays SELECT DISTINCT CAST(ts(txt(Ngay)) AS DATE) FROM " + csv(hol) + " WHERE ts(txt(Ngay)) IS NOT NULL");
        }
        exec("CREATE TABLE calendar AS SELECT CAST(d AS DATE) AS day, isodow(d) <= 5 AND CAST(d AS DATE) NOT IN (SELECT day FROM holidays) AS working"
                + " FROM generate_series(DATE '2000-01-01', DATE '2040-12-31', INTERVAL 1 DAY) AS g(d)");
        exec("CREATE TABLE working_days AS SELECT day, sum(CASE WHEN working THEN 1 ELSE 0 END) OVER (ORDER BY day) AS n FROM calendar");
    }

    private static String csv(Path p) {
        return "read_csv('" + sql(p.toString()) + "', header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')";
    }

    // ---- raw records, one CSV file at a time (columns by header name) --------------------------------

    private int loadRaw() throws SQLException, IOException {
        StringBuilder cols = new StringBuilder("file VARCHAR, line BIGINT, malformed BOOLEAN");
        for (String c : COLUMNS) {
            cols.append(", \"").append(c).append("\" VARCHAR");
        }
        exec("CREATE TABLE raw (" + cols + ")");
        List<Path> files;
        Path dir = input.resolve("dossiers");
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
        }
        int i = 0;
        for (Path f : files) {
            i++;
            String rel = input.relativize(f).toString().replace('\\', '/');
            List<String> header = header(f);
            StringBuilder colSpec = new StringBuilder("{");
            for (int k = 0; k < header.size(); k++) {
                colSpec.append(k == 0 ? "" : ", ").append('\'').append(sql(header.get(k))).append("': 'VARCHAR'");
            }
            colSpec.append('}');
            // The file as a table in line order (insertion order is preserved): rowid gives the record order;
            // rejected lines (wrong number of fields, bad quoting) are the malformed records.
            exec("CREATE OR REPLACE TEMP TABLE f AS SELECT * FROM read_csv('" + sql(f.toString()) + "', header = true,"
                    + " auto_detect = false, columns = " + colSpec + ", delim = ',', quote = '\"', escape = '\"',"
                    + " strict_mode = true, null_padding = false, ignore_errors = true, store_rejects = true,"
                    + " rejects_table = 'rej" + i + "', rejects_scan = 'scan" + i + "')");
            Set<String> present = new LinkedHashSet<>(header);
            StringBuilder sel = new StringBuilder("'" + sql(rel) + "', rowid, false");
            for (String c : COLUMNS) {
                sel.append(", ").append(present.contains(c) ? "txt(\"" + c + "\")" : "NULL");
            }
            exec("INSERT INTO raw SELECT " + sel + " FROM f");
            // Malformed records: only their position matters (they sort after nothing: MaHoSo cannot be read).
            exec("INSERT INTO raw (file, line, malformed) SELECT '" + sql(rel) + "', CAST(line AS BIGINT), true FROM"
                    + " (SELECT DISTINCT line FROM rej" + i + ")");
        }
        exec("DROP TABLE IF EXISTS f");
        return files.size();
    }

    private static List<String> header(Path f) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null) {
                return List.of();
            }
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            List<String> names = new ArrayList<>();
            for (String n : line.split(",", -1)) {
                String t = n.trim();
                if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                    t = t.substring(1, t.length() - 1);
                }
                names.add(java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC));
            }
            return names;
        }
    }

    // ---- dedup and validation (definitions.md, Records and their fate) -------------------------------

    private void validate() throws SQLException {
        StringBuilder dates = new StringBuilder();
        StringBuilder badDate = new StringBuilder("false");
        for (String d : DATES) {
            dates.append(", ts(\"").append(d).append("\") AS t_").append(d);
            badDate.append(" OR (\"").append(d).append("\" IS NOT NULL AND t_").append(d).append(" IS NULL)");
        }
        StringBuilder badFlag = new StringBuilder("false");
        for (String fl : FLAGS) {
            badFlag.append(" OR coalesce(\"").append(fl).append("\" NOT IN ('0', '1'), false)");
        }
        exec("CREATE TABLE rec AS SELECT *, code(MaHoSo) AS dossier_code " + dates + " FROM raw");
        // Dedup before validation: latest NgayCapNhat (missing = oldest), then the file sorting last, then the later line.
        exec("CREATE TABLE ranked AS SELECT *, CASE WHEN NOT malformed AND dossier_code IS NOT NULL THEN"
                + " row_number() OVER (PARTITION BY CASE WHEN NOT malformed THEN dossier_code END"
                + " ORDER BY t_NgayCapNhat DESC NULLS LAST, file DESC, line DESC) END AS version FROM rec");
        String reported = "coalesce(code(MaDonVi), CASE WHEN strpos(dossier_code, '-') > 1 THEN code(split_part(dossier_code, '-', 1)) END)";
        exec("CREATE TABLE checked AS SELECT r.*, " + reported + " AS reported_unit,"
                + " int_in(TrangThaiHoSo, 1, 10) AS status,"
                + " (" + badDate + ") AS bad_date,"
                + " (int_in(KenhThucHien, 1, 3) = -1 OR int_in(MucDo, 2, 4) = -1 OR int_in(LoaiDoiTuong, 1, 4) = -1"
                + "  OR int_in(SoLanBoSung, 0, 100000) = -1 OR int_in(DuocThanhToanTrucTuyen, 0, 2) = -1 OR int_in(DanhGia, 1, 3) = -1"
                + "  OR (GioChoBoSung IS NOT NULL AND NOT regexp_full_match(GioChoBoSung, '[0-9]{1,10}([.,][0-9]+)?'))"
                + "  OR (TongPhiLePhi IS NOT NULL AND NOT regexp_full_match(TongPhiLePhi, '[0-9]{1,18}|[0-9]{1,3}(\\.[0-9]{3})+'))"
                + "  OR " + badFlag + ") AS bad_value"
                + " FROM ranked r");
        exec("CREATE TABLE typed AS SELECT *,"
                + " CASE WHEN status IN (9, 10) THEN coalesce(t_NgayKetThucXuLy, t_NgayTra)"
                + "      WHEN status = 7 THEN coalesce(t_NgayKetThucXuLy, t_NgayCapNhat)"
                + "      WHEN status IN (3, 8) THEN coalesce(t_NgayTuChoi, t_NgayKetThucXuLy) END AS end_at,"
                + " CAST(coalesce(t_NgayTiepNhan, t_NgayNopHoSo, end_at) AS DATE) AS ref_date"
                + " FROM checked");
        // Unit attribution: the unit if valid on the reference date, else its single successor valid then.
        exec("CREATE TABLE attributed AS SELECT t.*, CASE"
                + " WHEN t.ref_date IS NULL THEN t.reported_unit"
                + " WHEN (u.valid_from IS NULL OR u.valid_from <= t.ref_date) AND (u.valid_to IS NULL OR t.ref_date <= u.valid_to) THEN t.reported_unit"
                + " ELSE (SELECT CASE WHEN count(*) = 1 THEN min(s.unit_code) END FROM reach x JOIN units s ON s.unit_code = x.succ"
                + "       WHERE x.unit_code = t.reported_unit AND (s.valid_from IS NULL OR s.valid_from <= t.ref_date)"
                + "       AND (s.valid_to IS NULL OR t.ref_date <= s.valid_to)) END AS unit_code,"
                + " u.unit_code IS NOT NULL AS unit_known"
                + " FROM typed t LEFT JOIN units u ON u.unit_code = t.reported_unit");
        exec("CREATE TABLE fate AS SELECT *, CASE"
                + " WHEN malformed THEN 'MALFORMED_RECORD'"
                + " WHEN dossier_code IS NULL THEN 'MISSING_CODE'"
                + " WHEN version > 1 THEN NULL"
                + " WHEN status IS NULL OR status = -1 THEN 'INVALID_STATUS'"
                + " WHEN bad_date THEN 'INVALID_DATE'"
                + " WHEN bad_value THEN 'INVALID_VALUE'"
                + " WHEN NOT unit_known THEN 'UNKNOWN_UNIT'"
                + " WHEN unit_code IS NULL THEN 'UNIT_NOT_VALID_ON_DATE'"
                + " WHEN t_NgayTiepNhan IS NULL AND status NOT IN (1, 3) THEN 'MISSING_RECEIPT_DATE'"
                + " WHEN status IN (3, 7, 8, 9, 10) AND end_at IS NULL THEN 'MISSING_END_DATE'"
                + " WHEN end_at < t_NgayTiepNhan THEN 'END_BEFORE_RECEIPT' END AS reason,"
                + " CASE WHEN reason IS NOT NULL THEN 'quarantined' WHEN version > 1 THEN 'superseded' ELSE 'accepted' END AS fate"
                + " FROM attributed");
    }

    // ---- facts, the processing summary and the criteria ----------------------------------------------

    private void facts() throws SQLException {
        exec("CREATE TABLE facts AS SELECT f.dossier_code, f.unit_code, f.status, f.status NOT IN (1, 3) AS is_received,"
                + " CAST(f.t_NgayNopHoSo AS DATE) AS submitted_date, CAST(f.t_NgayTiepNhan AS DATE) AS received_date,"
                + " CAST(f.t_NgayHenTra AS DATE) AS due_date, f.end_at, CAST(f.end_at AS DATE) AS end_date,"
                + " CASE WHEN f.status IN (9, 10) THEN 'resolved' WHEN f.status = 7 THEN 'withdrawn' WHEN f.status = 8 THEN 'stopped'"
                + "      WHEN f.status = 3 THEN 'refused_at_intake' END AS end_kind,"
                + " coalesce(int_in(f.KenhThucHien, 1, 3), 1) AS channel,"
                + " coalesce(int_in(f.SoLanBoSung, 0, 100000), 0) AS supplement_count,"
                + " CAST(coalesce(CAST(replace(f.GioChoBoSung, ',', '.') AS DECIMAL(18,2)), 0) AS DECIMAL(18,2)) AS supplement_hours,"
                + " f.CoPhieuXinLoi = '1' AS apology_letter, f.DaDongBoDVCQG = '1' AS synced_to_portal,"
                + " f.CoKetQuaDienTu = '1' AS electronic_result, f.CoPhanAnhKienNghi = '1' AS feedback,"
                + " int_in(f.DanhGia, 1, 3) AS rating, CAST(f.t_NgayDanhGia AS DATE) AS rated_date,"
                + " p.requires_document_result, p.time_limit, p.time_limit_unit"
                + " FROM fate f LEFT JOIN procedures p ON p.procedure_code = code(f.MaTTHC) WHERE f.fate = 'accepted'");
        // The period and its as-of date: min(period end, data cut-off); the cut-off is the latest of these
        // dates of the accepted records that is not after the day of the run.
        exec("CREATE TABLE period AS WITH d AS ("
                + " SELECT unnest([t_NgayCapNhat, t_NgayTiepNhan, t_NgayKetThucXuLy, t_NgayTra, t_NgayTuChoi]) AS t FROM fate WHERE fate = 'accepted')"
                + ", c AS (SELECT max(CAST(t AS DATE)) AS cut_off FROM d WHERE CAST(t AS DATE) <= current_date)"
                + " SELECT DATE '" + year + "-01-01' AS period_start, DATE '" + year + "-12-31' AS period_end,"
                + " cut_off, least(DATE '" + year + "-12-31', cut_off) AS as_of FROM c");
        exec("CREATE TABLE pf AS SELECT x.*,"
                + " x.handled AND coalesce(x.on_time_766 = false, false) AS late_766 FROM ("
                + " SELECT f.*, p.period_start AS ps, p.as_of AS a,"
                + " f.is_received AND f.received_date < ps AND (f.end_date IS NULL OR f.end_date >= ps) AS carried_over,"
                + " f.is_received AND f.received_date BETWEEN ps AND a AS received_in_period,"
                + " carried_over OR received_in_period AS handled,"
                + " f.end_date IS NOT NULL AND f.end_date <= a AS ended_by_as_of,"
                + " f.is_received AND f.received_date <= a AND NOT ended_by_as_of AS open_at_as_of,"
                + " f.end_date BETWEEN ps AND a AS ended_in_period,"
                + " CASE WHEN ended_by_as_of THEN CAST(f.end_at - to_microseconds(CAST(f.supplement_hours * 3600000000 AS BIGINT)) AS DATE)"
                + "      ELSE a END AS effective_end_date,"
                + " CASE WHEN NOT handled THEN NULL"
                + "      WHEN f.supplement_count > 1 THEN false"
                + "      WHEN f.due_date IS NOT NULL THEN effective_end_date <= f.due_date"
                + "      WHEN f.time_limit_unit = 'WORKING_DAYS' THEN"
                + "        (SELECT w2.n FROM working_days w2 WHERE w2.day = effective_end_date)"
                + "        - (SELECT w1.n FROM working_days w1 WHERE w1.day = f.received_date) <= f.time_limit"
                + "      WHEN f.time_limit_unit = 'DAYS' THEN datediff('day', f.received_date, effective_end_date) <= f.time_limit"
                + "      END AS on_time_766"
                + " FROM facts f, period p) x");
        exec("CREATE TABLE ba_summary AS SELECT unit_code,"
                + " count_if(carried_over) AS carried_over,"
                + " count_if(received_in_period) AS received,"
                + " count_if(received_in_period AND channel = 1) AS received_in_person,"
                + " count_if(received_in_period AND channel = 2) AS received_online,"
                + " count_if(received_in_period AND channel = 3) AS received_postal,"
                + " count_if(is_received AND end_kind = 'resolved' AND ended_in_period) AS resolved,"
                + " count_if(is_received AND end_kind = 'resolved' AND ended_in_period AND due_date IS NOT NULL AND end_date < due_date) AS early,"
                + " count_if(is_received AND end_kind = 'resolved' AND ended_in_period AND end_date = due_date) AS on_time,"
                + " count_if(is_received AND end_kind = 'resolved' AND ended_in_period AND end_date > due_date) AS late,"
                + " count_if(is_received AND end_kind = 'resolved' AND ended_in_period AND due_date IS NULL) AS timeliness_unknown,"
                + " count_if(is_received AND end_kind = 'resolved' AND ended_in_period AND end_date <= due_date) AS early_or_on_time,"
                + " count_if(is_received AND end_kind = 'withdrawn' AND ended_in_period) AS withdrawn,"
                + " count_if(is_received AND end_kind = 'stopped' AND ended_in_period) AS stopped,"
                + " count_if(open_at_as_of AND NOT coalesce(due_date < a, false)) AS open_in_time,"
                + " count_if(open_at_as_of AND coalesce(due_date < a, false)) AS open_overdue,"
                + " count_if(end_kind = 'refused_at_intake' AND ended_in_period) AS refused_at_intake,"
                + " count_if(status = 1 AND submitted_date BETWEEN ps AND a) AS registered_not_received,"
                + " count_if(is_received AND end_kind = 'resolved' AND ended_in_period AND end_date > due_date AND apology_letter) AS late_with_apology,"
                + " count_if(rating IS NOT NULL AND rating_date BETWEEN ps AND a) AS rated,"
                + " count_if(rating = 1 AND rating_date BETWEEN ps AND a) AS very_satisfied,"
                + " count_if(rating = 2 AND rating_date BETWEEN ps AND a) AS satisfied,"
                + " count_if(rating = 3 AND rating_date BETWEEN ps AND a) AS unsatisfied,"
                + " count_if(handled) AS handled"
                + " FROM (SELECT *, coalesce(rated_date, CASE WHEN end_kind = 'resolved' THEN end_date END) AS rating_date FROM pf)"
                + " GROUP BY unit_code");
    }

    private void summary() throws SQLException {
        // Every unit valid on at least one day of the period has a row (zeros without dossiers).
        StringBuilder sel = new StringBuilder();
        for (String c : SUMMARY_COUNTS) {
            sel.append(", coalesce(s.").append(c).append(", 0) AS ").append(c);
        }
        exec("CREATE TABLE duck_summary AS SELECT coalesce(u.unit_code, s.unit_code) AS unit_code" + sel
                + " FROM (SELECT unit_code FROM units, period WHERE (valid_from IS NULL OR valid_from <= period_end)"
                + "       AND (valid_to IS NULL OR valid_to >= period_start)) u"
                + " FULL OUTER JOIN ba_summary s ON s.unit_code = u.unit_code");
    }

    private void criteria() throws SQLException {
        exec("CREATE TABLE duck_criteria AS"
                + " WITH c AS (SELECT unit_code,"
                + "  count_if(received_in_period AND synced_to_portal) AS n14, count_if(received_in_period) AS d14,"
                + "  count_if(handled AND on_time_766) AS n21, count_if(handled) AS d21,"
                + "  count_if(received_in_period AND channel = 2 AND (NOT coalesce(requires_document_result, false) OR electronic_result)) AS n33,"
                + "  count_if(received_in_period) AS d33,"
                + "  count_if(handled AND NOT (late_766 OR coalesce(feedback, false))) AS n54, count_if(handled) AS d54"
                + "  FROM pf GROUP BY unit_code),"
                + " u AS (SELECT unit_code FROM units, period WHERE unit_level IN ('SO', 'HUYEN', 'XA')"
                + "  AND (valid_from IS NULL OR valid_from <= period_end) AND (valid_to IS NULL OR valid_to >= period_start))"
                + " SELECT u.unit_code, k.criterion_code,"
                + "  coalesce(CASE k.criterion_code WHEN '1.4' THEN n14 WHEN '2.1' THEN n21 WHEN '3.3' THEN n33 ELSE n54 END, 0) AS numerator,"
                + "  coalesce(CASE k.criterion_code WHEN '1.4' THEN d14 WHEN '2.1' THEN d21 WHEN '3.3' THEN d33 ELSE d54 END, 0) AS denominator"
                + " FROM u CROSS JOIN (SELECT unnest(['1.4', '2.1', '3.3', '5.4']) AS criterion_code) k"
                + " LEFT JOIN c ON c.unit_code = u.unit_code");
    }

    // ---- Spark's outputs -----------------------------------------------------------------------------

    private JsonNode newestPointer() throws IOException {
        Path dir = output.resolve("_pointers");
        Path newest;
        try (Stream<Path> s = Files.list(dir)) {
            newest = s.filter(p -> p.getFileName().toString().endsWith(".json")).max(Path::compareTo)
                    .orElseThrow(() -> new IOException("no pointer file in " + dir));
        }
        return new ObjectMapper().readTree(newest.toFile());
    }

    /** A read_parquet(...) over the table's current folder(s), for the baseline's period when period-keyed. */
    private String sparkTable(JsonNode pointer, String table) throws IOException {
        JsonNode t = pointer.path("tables").path(table);
        if (t.isMissingNode()) {
            throw new IOException("table " + table + " is not in the newest pointer file");
        }
        List<String> paths = new ArrayList<>();
        collectPaths(t, String.valueOf(year), paths);
        if (paths.isEmpty()) {
            throw new IOException("no folder for table " + table + " in the pointer file: " + t);
        }
        StringBuilder sb = new StringBuilder("read_parquet([");
        for (int i = 0; i < paths.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(sql(output.resolve(paths.get(i)).toString())).append("/**/*.parquet'");
        }
        return sb.append("], union_by_name = true)").toString();
    }

    /** The "path" of a table entry; for a period-keyed one, the path of the wanted period. */
    private static void collectPaths(JsonNode t, String period, List<String> out) {
        if (t.has("periods")) {
            JsonNode p = t.path("periods").path(period);
            if (!p.isMissingNode()) {
                collectPaths(p, period, out);
            }
            return;
        }
        if (t.has("path")) {
            out.add(t.get("path").asText());
            return;
        }
        for (Iterator<JsonNode> it = t.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            if (e.isObject()) {
                collectPaths(e, period, out);
            }
        }
    }

    private void compareReconciliation(JsonNode pointer) throws SQLException, IOException {
        String q = sparkTable(pointer, "quarantine");
        exec("CREATE TABLE spark_reasons AS SELECT reason, count(*) AS n FROM " + q + " GROUP BY reason");
        exec("CREATE TABLE duck_reasons AS SELECT reason, count(*) AS n FROM fate WHERE reason IS NOT NULL GROUP BY reason");
        for (String r : REASONS) {
            long s = longScalar("SELECT coalesce((SELECT n FROM spark_reasons WHERE reason = '" + r + "'), 0)");
            long d = longScalar("SELECT coalesce((SELECT n FROM duck_reasons WHERE reason = '" + r + "'), 0)");
            record("quarantine " + r, 1, s == d ? 0 : 1, "spark " + s + " duckdb " + d);
        }
        long other = longScalar("SELECT count(*) FROM spark_reasons WHERE reason NOT IN (" + quoted(REASONS) + ")");
        if (other > 0) {
            record("quarantine (other reasons)", 1, 1, "spark has reasons outside the list");
        }
        String rc = sparkTable(pointer, "reconciliation");
        for (String[] col : new String[][]{{"read", "count(*)"}, {"accepted", "count_if(fate = 'accepted')"},
                {"quarantined", "count_if(fate = 'quarantined')"}, {"superseded", "count_if(fate = 'superseded')"}}) {
            long s = longScalar("SELECT sum(\"" + col[0] + "\") FROM " + rc);
            long d = longScalar("SELECT " + col[1] + " FROM fate");
            record("reconciliation " + col[0] + " (total)", 1, s == d ? 0 : 1, "spark " + s + " duckdb " + d);
        }
        // Per file: read and quarantined.
        exec("CREATE TABLE recon_cmp AS SELECT coalesce(s.file, d.file) AS file, s.read AS s_read, d.read AS d_read,"
                + " s.accepted AS s_acc, d.accepted AS d_acc, s.quarantined AS s_q, d.quarantined AS d_q, s.superseded AS s_sup, d.superseded AS d_sup"
                + " FROM (SELECT file, sum(read) AS read, sum(accepted) AS accepted, sum(quarantined) AS quarantined, sum(superseded) AS superseded FROM " + rc + " GROUP BY file) s"
                + " FULL OUTER JOIN (SELECT file, count(*) AS read, count_if(fate = 'accepted') AS accepted, count_if(fate = 'quarantined') AS quarantined,"
                + " count_if(fate = 'superseded') AS superseded FROM fate GROUP BY file) d ON s.file = d.file");
        for (String[] c : new String[][]{{"read", "s_read", "d_read"}, {"accepted", "s_acc", "d_acc"},
                {"quarantined", "s_q", "d_q"}, {"superseded", "s_sup", "d_sup"}}) {
            long rows = longScalar("SELECT count(*) FROM recon_cmp");
            long diff = longScalar("SELECT count(*) FROM recon_cmp WHERE " + c[1] + " IS DISTINCT FROM " + c[2]);
            record("reconciliation " + c[0] + " per file", rows, diff, diff == 0 ? "" : firstDiff("recon_cmp", "file", c[1], c[2]));
        }
    }

    private void compareSummary(JsonNode pointer) throws SQLException, IOException {
        String ps = sparkTable(pointer, "processing_summary");
        exec("CREATE TABLE spark_summary AS SELECT * FROM " + ps + " WHERE scope = 'self' AND period = '" + year + "'");
        String sparkAsOf = scalar("SELECT string_agg(DISTINCT CAST(as_of AS VARCHAR), ',') FROM spark_summary");
        String duckAsOf = scalar("SELECT CAST(as_of AS VARCHAR) FROM period");
        record("as_of", 1, duckAsOf.equals(sparkAsOf) ? 0 : 1, duckAsOf.equals(sparkAsOf) ? "" : "spark " + sparkAsOf + " duckdb " + duckAsOf);
        StringBuilder cols = new StringBuilder();
        for (String c : SUMMARY_COUNTS) {
            cols.append(", s.").append(c).append(" AS s_").append(c).append(", d.").append(c).append(" AS d_").append(c);
        }
        exec("CREATE TABLE summary_cmp AS SELECT coalesce(s.unit_code, d.unit_code) AS unit_code" + cols
                + " FROM spark_summary s FULL OUTER JOIN duck_summary d ON s.unit_code = d.unit_code");
        long rows = longScalar("SELECT count(*) FROM summary_cmp");
        long missing = longScalar("SELECT count(*) FROM summary_cmp WHERE s_handled IS NULL OR d_handled IS NULL");
        record("summary rows (unit, self)", rows, missing, missing == 0 ? "" : firstDiff("summary_cmp", "unit_code", "s_handled", "d_handled"));
        for (String c : SUMMARY_COUNTS) {
            long diff = longScalar("SELECT count(*) FROM summary_cmp WHERE s_" + c + " IS DISTINCT FROM d_" + c);
            record("summary " + c, rows, diff, diff == 0 ? "" : firstDiff("summary_cmp", "unit_code", "s_" + c, "d_" + c));
        }
    }

    private void compareCriteria(JsonNode pointer) throws SQLException, IOException {
        String sc = sparkTable(pointer, "scores");
        exec("CREATE TABLE spark_criteria AS SELECT unit_code, criterion_code, CAST(numerator AS DECIMAL(38,10)) AS numerator,"
                + " CAST(denominator AS DECIMAL(38,10)) AS denominator FROM " + sc
                + " WHERE period = '" + year + "' AND criterion_code IN (" + quoted(CRITERIA) + ") AND status <> 'not_applicable'");
        exec("CREATE TABLE criteria_cmp AS SELECT coalesce(s.unit_code, d.unit_code) AS unit_code,"
                + " coalesce(s.criterion_code, d.criterion_code) AS criterion_code, s.numerator AS s_num, CAST(d.numerator AS DECIMAL(38,10)) AS d_num,"
                + " s.denominator AS s_den, CAST(d.denominator AS DECIMAL(38,10)) AS d_den"
                + " FROM spark_criteria s FULL OUTER JOIN duck_criteria d ON s.unit_code = d.unit_code AND s.criterion_code = d.criterion_code");
        for (String k : CRITERIA) {
            String where = "criterion_code = '" + k + "'";
            long rows = longScalar("SELECT count(*) FROM criteria_cmp WHERE " + where);
            long dn = longScalar("SELECT count(*) FROM criteria_cmp WHERE " + where + " AND s_num IS DISTINCT FROM d_num");
            long dd = longScalar("SELECT count(*) FROM criteria_cmp WHERE " + where + " AND s_den IS DISTINCT FROM d_den");
            record("criterion " + k + " numerator", rows, dn, dn == 0 ? "" : firstDiff("(SELECT * FROM criteria_cmp WHERE " + where + ")", "unit_code", "s_num", "d_num"));
            record("criterion " + k + " denominator", rows, dd, dd == 0 ? "" : firstDiff("(SELECT * FROM criteria_cmp WHERE " + where + ")", "unit_code", "s_den", "d_den"));
        }
    }

    private String firstDiff(String table, String key, String s, String d) throws SQLException {
        return scalar("SELECT 'e.g. ' || coalesce(CAST(" + key + " AS VARCHAR), '?') || ': spark ' || coalesce(CAST(" + s
                + " AS VARCHAR), 'none') || ' duckdb ' || coalesce(CAST(" + d + " AS VARCHAR), 'none') FROM " + table
                + " WHERE " + s + " IS DISTINCT FROM " + d + " ORDER BY 1 LIMIT 1");
    }

    private void record(String column, long rows, long differing, String example) {
        agreement.add(new String[]{column, Long.toString(rows), Long.toString(differing), example});
        differences += differing;
    }

    // ---- printing ------------------------------------------------------------------------------------

    private void printAgreement() {
        System.out.println("agreement table (Spark vs DuckDB):");
        System.out.printf(Locale.ROOT, "  %-44s %8s %9s%n", "column", "rows", "differing");
        for (String[] r : agreement) {
            System.out.printf(Locale.ROOT, "  %-44s %8s %9s  %s%n", r[0], r[1], r[2], r[3]);
        }
    }

    private void printTimes(double ingestS, double analyticsS, double compareS) throws IOException {
        JsonNode run = new ObjectMapper().readTree(output.resolve("_RUN.json").toFile());
        JsonNode st = run.path("stages");
        double sparkIngest = st.path("ingest").path("seconds").asDouble();
        double sparkAnalytics = 0;
        for (String s : new String[]{"facts", "summary", "score", "rank"}) {
            sparkAnalytics += st.path(s).path("seconds").asDouble();
        }
        System.out.println("times (seconds)          spark    duckdb   spark/duckdb");
        System.out.printf(Locale.ROOT, "  ingest (CSV to staged) %7.2f  %8.2f   x%.1f%n", sparkIngest, ingestS, sparkIngest / ingestS);
        System.out.printf(Locale.ROOT, "  analytics              %7.2f  %8.2f   x%.1f   (spark: facts+summary+score+rank, all criteria;"
                + " duckdb: summary counts + 4 criteria)%n", sparkAnalytics, analyticsS, sparkAnalytics / analyticsS);
        System.out.printf(Locale.ROOT, "  total                  %7.2f  %8.2f   x%.1f%n", sparkIngest + sparkAnalytics, ingestS + analyticsS,
                (sparkIngest + sparkAnalytics) / (ingestS + analyticsS));
        System.out.printf(Locale.ROOT, "  (duckdb reading Spark's Parquet and comparing: %.2f s)%n", compareS);
    }

    // ---- JDBC helpers --------------------------------------------------------------------------------

    private void exec(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n  in: " + (sql.length() > 400 ? sql.substring(0, 400) + "..." : sql), e);
        }
    }

    private String scalar(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n  in: " + sql, e);
        }
    }

    private long longScalar(String sql) throws SQLException {
        String v = scalar(sql);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static String sql(String s) {
        return s.replace("'", "''");
    }

    private static String quoted(String[] values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(v).append('\'');
        }
        return sb.toString();
    }
}
