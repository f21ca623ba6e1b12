package vn.reformindex.reference;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The small reference files as Spark frames, to be broadcast in joins with dossier-sized tables. */
public final class ReferenceTables {
    public static final StructType UNITS = new StructType()
            .add("unit_code", DataTypes.StringType, false)
            .add("unit_name", DataTypes.StringType, true)
            .add("unit_level", DataTypes.StringType, true)
            .add("parent_code", DataTypes.StringType, true)
            .add("peer_group", DataTypes.StringType, true)
            .add("valid_from", DataTypes.DateType, true)
            .add("valid_to", DataTypes.DateType, true)
            .add("ancestors", DataTypes.createArrayType(DataTypes.StringType, false), false);

    public static final StructType UNIT_ANCESTORS = new StructType()
            .add("unit_code", DataTypes.StringType, false)
            .add("ancestor_code", DataTypes.StringType, false);

    public static final StructType PROCEDURES = new StructType()
            .add("procedure_code", DataTypes.StringType, false)
            .add("procedure_name", DataTypes.StringType, true)
            .add("catalogue_field_code", DataTypes.StringType, true)
            .add("procedure_level", DataTypes.StringType, true)
            .add("catalogue_online_level", DataTypes.IntegerType, true)
            .add("procedure_has_fee", DataTypes.BooleanType, true)
            .add("requires_document_result", DataTypes.BooleanType, true)
            .add("citizen_facing", DataTypes.BooleanType, true)
            .add("time_limit", DataTypes.createDecimalType(12, 2), true)
            .add("time_limit_unit", DataTypes.StringType, true);

    private ReferenceTables() {
    }

    public static Dataset<Row> units(SparkSession spark, UnitRegistry registry) {
        List<Row> rows = new ArrayList<>();
        for (Unit u : sorted(registry)) {
            rows.add(RowFactory.create(u.code, u.name, u.level, u.parentCode, u.peerGroup, u.validFrom, u.validTo,
                    registry.ancestors(u.code).toArray(new String[0])));
        }
        return spark.createDataFrame(rows, UNITS);
    }

    /** Every (unit, ancestor) pair, the unit itself included: the roll-up from self to subtree. */
    public static Dataset<Row> unitAncestors(SparkSession spark, UnitRegistry registry) {
        List<Row> rows = new ArrayList<>();
        for (Unit u : sorted(registry)) {
            rows.add(RowFactory.create(u.code, u.code));
            for (String a : registry.ancestors(u.code)) {
                rows.add(RowFactory.create(u.code, a));
            }
        }
        return spark.createDataFrame(rows, UNIT_ANCESTORS);
    }

    public static Dataset<Row> procedures(SparkSession spark, ProcedureCatalogue catalogue) {
        List<Row> rows = new ArrayList<>();
        List<Procedure> all = new ArrayList<>(catalogue.all());
        all.sort(Comparator.comparing(p -> p.code));
        for (Procedure p : all) {
            rows.add(RowFactory.create(p.code, p.name, p.fieldCode, p.level, p.onlineLevel, p.hasFee,
                    p.requiresDocumentResult, p.citizenFacing, p.timeLimit,
                    p.timeUnit == null ? null : p.timeUnit.name()));
        }
        return spark.createDataFrame(rows, PROCEDURES);
    }

    private static List<Unit> sorted(UnitRegistry registry) {
        List<Unit> all = new ArrayList<>(registry.all());
        all.sort(Comparator.comparing(u -> u.code));
        return all;
    }

    /** (unit_code, period) for every registry unit valid on at least one day of the period. */
    public static Dataset<Row> validUnits(Dataset<Row> units, Dataset<Row> periods) {
        return units.crossJoin(org.apache.spark.sql.functions.broadcast(periods.select("period", "period_start", "period_end")))
                .filter(col("valid_from").isNull().or(col("valid_from").leq(col("period_end")))
                        .and(col("valid_to").isNull().or(col("valid_to").geq(col("period_start")))))
                .select("unit_code", "period");
    }
}
