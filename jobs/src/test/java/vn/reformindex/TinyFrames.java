package vn.reformindex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.table.Tables;
import vn.reformindex.period.PeriodTable;
import vn.reformindex.reference.Procedure;
import vn.reformindex.reference.ProcedureCatalogue;
import vn.reformindex.reference.ReferenceTables;
import vn.reformindex.reference.Unit;
import vn.reformindex.reference.UnitRegistry;

/**
 * Tiny hand-written frames for unit tests of the transformations: staged dossiers (built on
 * {@code staged_dossiers} ({@link Tables#STAGED_DOSSIERS}), unused columns null or their ingest default), a registry, a catalogue and
 * a period table.
 */
public final class TinyFrames {
    private TinyFrames() {
    }

    public static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** "2025-03-10 17:00" or "2025-03-10 17:00:30". */
    public static LocalDateTime ts(String s) {
        return LocalDateTime.parse(s.replace(' ', 'T'));
    }

    /** One staged dossier; every column not set is null, or the ingest default for non-nullable ones. */
    public static final class Staged {
        private static int line = 1;
        private final Map<String, Object> v = new LinkedHashMap<>();

        private Staged(String code, String unit, int status) {
            for (StructField f : Tables.STAGED_DOSSIERS.schema().fields()) {
                v.put(f.name(), null);
            }
            set("dossier_code", code);
            set("unit_code", unit);
            set("reported_unit_code", unit);
            set("status", status);
            set("channel", 1);
            set("supplement_count", 0);
            set("supplement_hours", new BigDecimal("0.00"));
            set("source_file", "tiny.csv");
            set("source_line", (long) ++line);
            set("warnings", new String[0]);
        }

        public Staged set(String column, Object value) {
            if (!v.containsKey(column)) {
                throw new IllegalArgumentException("no staged column " + column + " in " + v.keySet());
            }
            v.put(column, value);
            return this;
        }

        public Staged procedure(String code) { return set("procedure_code", code); }
        public Staged field(String code) { return set("field_code", code); }
        public Staged channel(int c) { return set("channel", c); }
        public Staged onlineLevel(Integer l) { return set("online_level", l); }
        public Staged submitted(String t) { return set("submitted_at", ts(t)); }
        public Staged received(String t) { return set("received_at", ts(t)); }
        public Staged due(String t) { return set("due_at", ts(t)); }
        public Staged ended(String t) { return set("processing_ended_at", ts(t)); }
        public Staged returned(String t) { return set("returned_at", ts(t)); }
        public Staged refused(String t) { return set("refused_at", ts(t)); }
        public Staged updated(String t) { return set("updated_at", ts(t)); }
        public Staged rating(Integer r, String ratedAt) {
            set("rating", r);
            return set("rated_at", ratedAt == null ? null : ts(ratedAt));
        }
        public Staged supplements(int count, String hours) {
            set("supplement_count", count);
            return set("supplement_hours", new BigDecimal(hours));
        }
        public Staged fee(Long f) { return set("fee_total", f); }
        public Staged payment(Integer p) { return set("online_payment", p); }
        public Staged vneid(Boolean b) { return set("vneid_verified", b); }
        public Staged apology(Boolean b) { return set("apology_letter", b); }

        Row row() {
            return RowFactory.create(v.values().toArray());
        }
    }

    public static Staged dossier(String code, String unit, int status) {
        return new Staged(code, unit, status);
    }

    public static Dataset<Row> staged(Staged... dossiers) {
        List<Row> rows = new ArrayList<>();
        for (Staged s : dossiers) {
            rows.add(s.row());
        }
        return SparkTestSupport.spark().createDataFrame(rows, Tables.STAGED_DOSSIERS.schema());
    }

    public static Unit unit(String code, String level, String parent, String validFrom, String validTo) {
        return new Unit(code, "Đơn vị " + code, level, parent, level, validFrom == null ? null : d(validFrom),
                validTo == null ? null : d(validTo), List.of());
    }

    public static UnitRegistry registry(Unit... units) {
        return new UnitRegistry(Arrays.asList(units));
    }

    public static Dataset<Row> units(UnitRegistry registry) {
        return ReferenceTables.units(SparkTestSupport.spark(), registry);
    }

    public static Dataset<Row> unitAncestors(UnitRegistry registry) {
        return ReferenceTables.unitAncestors(SparkTestSupport.spark(), registry);
    }

    /**
     * A catalogue procedure: code, name, field, CapThucHien, MucDo, CoPhiLePhi, YeuCauKetQuaGiayTo,
     * DoiTuongCongDan, ThoiHanGiaiQuyet, DonViTinh.
     */
    public static Procedure procedure(String code, String name, String field, String level, Integer onlineLevel,
                                      Boolean hasFee, Boolean requiresDocument, Boolean citizenFacing,
                                      String timeLimit, Procedure.TimeUnit unit) {
        return new Procedure(code, name, field, level, onlineLevel, hasFee, requiresDocument, citizenFacing,
                timeLimit == null ? null : new BigDecimal(timeLimit), unit);
    }

    public static Dataset<Row> procedures(Procedure... procedures) {
        return ReferenceTables.procedures(SparkTestSupport.spark(), new ProcedureCatalogue(Arrays.asList(procedures), true));
    }

    /** A row of the period table: label, kind, start, end, as-of. */
    public static Row period(String label, String kind, String start, String end, String asOf) {
        return RowFactory.create(label, kind, d(start), d(end), d(asOf));
    }

    public static Dataset<Row> periods(Row... rows) {
        return SparkTestSupport.spark().createDataFrame(Arrays.asList(rows), PeriodTable.SCHEMA);
    }

    /** key column(s) joined by '|' -> the other columns' values joined by ' '. Keys must be unique. */
    public static Map<String, String> table(Dataset<Row> df, int keyColumns, String... columns) {
        Map<String, String> out = new TreeMap<>();
        StructType schema = df.select(columns[0], Arrays.copyOfRange(columns, 1, columns.length)).schema();
        for (Row r : df.select(columns[0], Arrays.copyOfRange(columns, 1, columns.length)).collectAsList()) {
            StringBuilder k = new StringBuilder();
            StringBuilder val = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String cell = cell(r, i);
                if (i < keyColumns) {
                    k.append(i > 0 ? "|" : "").append(cell);
                } else {
                    val.append(i > keyColumns ? " " : "").append(cell);
                }
            }
            if (out.put(k.toString(), val.toString()) != null) {
                throw new AssertionError("key " + k + " appears twice in " + schema.simpleString());
            }
        }
        return out;
    }

    /** A cell as text: null as "-", decimals without trailing zeros, arrays as [a,b]. */
    public static String cell(Row r, int i) {
        if (r.isNullAt(i)) {
            return "-";
        }
        Object o = r.get(i);
        if (o instanceof BigDecimal b) {
            return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
        }
        if (o instanceof scala.collection.Seq<?> s) {
            List<String> parts = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava(s).forEach(x -> parts.add(String.valueOf(x)));
            return "[" + String.join(",", parts) + "]";
        }
        return String.valueOf(o);
    }
}
