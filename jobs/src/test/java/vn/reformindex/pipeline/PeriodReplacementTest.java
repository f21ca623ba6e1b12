package vn.reformindex.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.config.RunConfig;
import vn.reformindex.ingest.IngestStage;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.period.PeriodTable;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.table.Format;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;
import vn.reformindex.table.Types;

/**
 * A later run replaces only the periods it recomputed: the requested ones and every published period
 * ending on or after the earliest changed date. The other periods stay in their folders, uncopied.
 */
class PeriodReplacementTest {
    @TempDir
    Path tmp;

    /** A test table: dossiers received per unit and period, period-keyed. */
    static final TableDecl RECEIVED = TableDecl.builder("received_counts", "received")
            .key("unit_code", "period").periodKeyed()
            .required("unit_code", Types.STRING, Format.TEXT, "Mã đơn vị", "the unit")
            .required("period", Types.STRING, Format.TEXT, "Kỳ", "the period")
            .required("received", Types.LONG, Format.INTEGER, "Tiếp nhận", "dossiers received")
            .build();

    /** A stand-in for a period-keyed stage: dossiers received per unit and period. */
    static final class ReceivedStage implements Stage {
        @Override
        public String name() {
            return "received";
        }

        @Override
        public List<TableDecl> inputs() {
            return List.of(Tables.STAGED_DOSSIERS);
        }

        @Override
        public List<TableDecl> outputs() {
            return List.of(RECEIVED);
        }

        @Override
        public StageOutput plan(RunContext ctx, StageInputs inputs) {
            Dataset<Row> periods = PeriodTable.of(ctx.spark, ctx.periods());
            Dataset<Row> staged = inputs.get(Tables.STAGED_DOSSIERS);
            Dataset<Row> counts = staged.join(periods, to_date(col("received_at")).between(col("period_start"), col("as_of")))
                    .groupBy("unit_code", "period").agg(count("*").as("received"));
            return new StageOutput().table(RECEIVED, counts);
        }
    }

    private void run(Path input, Path out, String... periods) {
        RunConfig.Builder b = RunConfig.builder("run").input(input.toString()).output(out.toString());
        for (String p : periods) {
            b.period(Period.parse(p));
        }
        new Pipeline(List.of(new IngestStage(), new ReceivedStage()))
                .execute(SparkTestSupport.spark(), b.build());
    }

    @Test
    void onlyRequestedAndAffectedPeriodsAreReplaced() throws Exception {
        Path input = tmp.resolve("input");
        Files.createDirectories(input.resolve("dossiers"));
        for (String f : new String[]{"units.csv", "procedures.csv", "holidays.csv", "dossiers/dossiers.csv"}) {
            Files.copy(SparkTestSupport.golden().resolve(f), input.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = tmp.resolve("out");
        run(input, out, "2020-Q1", "2020-Q2", "2020-Q3");
        OutputStore first = new OutputStore(Storage.local(), out.toString());
        Map<String, String> before = first.publishedPeriods("received_counts");
        assertEquals(List.of("2020-Q1", "2020-Q2", "2020-Q3"), List.copyOf(before.keySet()));

        // A re-sync of a September dossier (received 2020-09-14): Q3 must be recomputed, Q1 and Q2 not.
        Files.writeString(input.resolve("dossiers/resync.csv"),
                "MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo,NgayCapNhat\n"
                        + "000.15.00.H36-G44,000.15.00.H36,1.000001,20200914080000,20200918170000,20200916100000,10,20200920120000\n");
        run(input, out, "2020-10");
        OutputStore second = new OutputStore(Storage.local(), out.toString());
        Map<String, String> after = second.publishedPeriods("received_counts");
        assertEquals(List.of("2020-10", "2020-Q1", "2020-Q2", "2020-Q3"), List.copyOf(after.keySet()));
        assertEquals(before.get("2020-Q1"), after.get("2020-Q1"), "Q1 ends before the change: kept in place");
        assertEquals(before.get("2020-Q2"), after.get("2020-Q2"));
        assertEquals(after.get("2020-10"), after.get("2020-Q3"), "Q3 recomputed by the second run");
        String run = Files.readString(out.resolve("_RUN.json"));
        assertEquals(true, run.contains("\"earliest_changed_date\" : \"2020-09-14\""), run);

        Map<String, Long> received = new TreeMap<>();
        for (Row r : second.read(SparkTestSupport.spark(), RECEIVED).filter("unit_code = '000.15.00.H36'").collectAsList()) {
            received.put(r.getAs("period"), r.getAs("received"));
        }
        assertEquals(Map.of("2020-Q1", 10L, "2020-Q2", 4L, "2020-Q3", 14L, "2020-10", 4L), received); // counted by hand from the golden CSV
    }
}
