package vn.reformindex.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.reference.SmallCsv;
import vn.reformindex.reference.Text;

/**
 * Scores entered by the assessing team ({@code manual-scores.csv}: MaDonVi, KyDanhGia, MaChiSo, Diem or
 * GiaTri, NguonMinhChung), matched to the run's periods. Rule: a score given for exactly the period wins;
 * otherwise the score given for the calendar year that contains the whole period applies (a yearly
 * score also serves the year's quarters and months). A score outside [0, max] stops the run.
 */
public final class ManualScores {
    public static final String FILE = "manual-scores.csv";

    public static final StructType SCHEMA = new StructType()
            .add("unit_code", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("criterion_code", DataTypes.StringType, false)
            .add("manual_points", vn.reformindex.table.Types.EXACT, true)
            .add("manual_ratio", vn.reformindex.table.Types.EXACT, true)
            .add("evidence", DataTypes.StringType, true)
            .add("score_period", DataTypes.StringType, false);

    /** One line of the file. */
    record Entry(String unit, String period, String criterion, BigDecimal points, BigDecimal ratio, String evidence, long line) {
    }

    private ManualScores() {
    }

    public static List<Entry> read(Storage storage, String inputDir, CriteriaSet set) {
        String file = Storage.join(inputDir, FILE);
        List<Entry> out = new ArrayList<>();
        if (!storage.exists(file)) {
            return out;
        }
        SmallCsv csv = SmallCsv.read(storage, file, "MaDonVi", "KyDanhGia", "MaChiSo");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SmallCsv.Row r : csv.rows()) {
            String where = file + ", line " + r.line + ": ";
            String unit = Text.code(r.get("MaDonVi"));
            String period = r.get("KyDanhGia") == null ? null : r.get("KyDanhGia").trim();
            String code = r.get("MaChiSo") == null ? null : r.get("MaChiSo").trim();
            if (unit == null || period == null || code == null) {
                throw bad(where + "expected MaDonVi, KyDanhGia and MaChiSo");
            }
            try {
                Period.parse(period);
            } catch (IllegalArgumentException e) {
                throw bad(where + "KyDanhGia '" + period + "' is not a period (2025, 2025-Q2, 2025-06 or a range)");
            }
            Criterion c = set.criterion(code);
            if (c == null) {
                continue; // a score for a criterion of another set: not this set's business
            }
            if (c.source != Criterion.Source.MANUAL) {
                throw bad(where + "MaChiSo " + code + " is computed from " + c.source.name().toLowerCase()
                        + " in criteria set " + set.id + "; it cannot be entered by hand");
            }
            BigDecimal points = decimal(where, "Diem", r.get("Diem"));
            BigDecimal ratio = decimal(where, "GiaTri", r.get("GiaTri"));
            if (points == null && ratio == null) {
                throw bad(where + "expected Diem (points) or GiaTri (ratio) for " + code);
            }
            if (points != null && ratio != null) {
                throw bad(where + "give Diem (points) or GiaTri (ratio) for " + code + ", not both");
            }
            String key = unit + "|" + Period.parse(period).label() + "|" + code;
            if (!seen.add(key)) {
                throw bad(where + "a second score for unit " + unit + ", period " + period + ", criterion " + code);
            }
            if (points != null && (points.signum() < 0 || points.compareTo(c.max) > 0)) {
                throw bad(where + "Diem " + points.toPlainString() + " is outside [0, " + c.max.toPlainString() + "] for " + code);
            }
            if (ratio != null && (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0)) {
                throw bad(where + "GiaTri " + ratio.toPlainString() + " is outside [0, 1] for " + code);
            }
            out.add(new Entry(unit, period, code, points, ratio, r.get("NguonMinhChung"), r.line));
        }
        return out;
    }

    /** The entries matched to the windows: (unit, window label, criterion) -> the exact or the yearly score. */
    public static Dataset<Row> matched(SparkSession spark, List<Entry> entries, List<PeriodWindow> windows, String labelSuffix) {
        List<Row> rows = new ArrayList<>();
        java.util.Map<String, Entry> byKey = new java.util.HashMap<>();
        for (Entry e : entries) {
            byKey.put(e.unit() + "|" + Period.parse(e.period()).label() + "|" + e.criterion(), e);
        }
        java.util.Set<String> units = new java.util.TreeSet<>();
        java.util.Set<String> criteria = new java.util.TreeSet<>();
        entries.forEach(e -> {
            units.add(e.unit());
            criteria.add(e.criterion());
        });
        for (PeriodWindow w : windows) {
            String year = w.start().getYear() == w.end().getYear() ? Integer.toString(w.start().getYear()) : null;
            for (String u : units) {
                for (String c : criteria) {
                    Entry e = byKey.get(u + "|" + w.label() + "|" + c);
                    if (e == null && year != null) {
                        e = byKey.get(u + "|" + year + "|" + c);
                    }
                    if (e != null) {
                        rows.add(RowFactory.create(u, w.label() + labelSuffix, c, e.points(), e.ratio(), e.evidence(), e.period()));
                    }
                }
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static BigDecimal decimal(String where, String column, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw bad(where + column + " '" + v + "' is not a number");
        }
    }

    private static PipelineException bad(String msg) {
        return new PipelineException(ExitCode.BAD_CONFIGURATION, msg);
    }
}
