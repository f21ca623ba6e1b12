package vn.reformindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.config.RunConfig;
import vn.reformindex.ingest.IngestStage;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;

/** Official figures never change silently: a later run reports the restatement and replaces them only when asked. */
class OfficialPeriodTest {
    @TempDir
    Path tmp;

    private void run(Path input, Path out, boolean official, boolean restate, String... periods) {
        RunConfig.Builder b = RunConfig.builder("run").input(input.toString()).output(out.toString())
                .official(official).restate(restate);
        for (String p : periods) {
            b.period(Period.parse(p));
        }
        new Pipeline(List.of(new IngestStage(), new PeriodReplacementTest.ReceivedStage()))
                .execute(SparkTestSupport.spark(), b.build());
    }

    @Test
    void aRecomputedOfficialPeriodIsKeptAndRestatedOnlyWhenAsked() throws Exception {
        Path input = tmp.resolve("input");
        Files.createDirectories(input.resolve("dossiers"));
        for (String f : new String[]{"units.csv", "procedures.csv", "holidays.csv", "dossiers/dossiers.csv"}) {
            Files.copy(SparkTestSupport.golden().resolve(f), input.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = tmp.resolve("out");
        run(input, out, true, false, "2020-Q3");
        String officialFolder = new OutputStore(Storage.local(), out.toString()).publishedPeriods("received_counts").get("2020-Q3");
        assertEquals(List.of("2020-Q3"), List.copyOf(new OutputStore(Storage.local(), out.toString()).officialPeriods().keySet()));

        // A late-synced dossier received in Q3: the official Q3 figures must not move silently.
        Files.writeString(input.resolve("dossiers/late.csv"),
                "MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,TrangThaiHoSo,NgayCapNhat\n"
                        + "000.15.00.H36-L1,000.15.00.H36,1.000001,20200915080000,20200918170000,4,20201001080000\n");
        run(input, out, false, false, "2020-10");
        OutputStore kept = new OutputStore(Storage.local(), out.toString());
        assertEquals(officialFolder, kept.publishedPeriods("received_counts").get("2020-Q3"), "official Q3 kept");
        String restatement = Files.readString(out.resolve("reports/restatement.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFtable,period,row_key,column,official_value,new_value,difference\r\n"
                + "received_counts,2020-Q3,\"{\"\"unit_code\"\":\"\"000.15.00.H36\"\",\"\"period\"\":\"\"2020-Q3\"\"}\",received,14,15,1\r\n",
                restatement);
        String dossiers = Files.readString(out.resolve("reports/restatement-dossiers.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFdossier_code,unit_code,change,first_date\r\n000.15.00.H36-L1,000.15.00.H36,added,2020-09-15\r\n", dossiers);
        assertTrue(Files.readString(out.resolve("_RUN.json")).contains("\"cells_changed\" : 1"));

        // Asked to restate: the recomputed figures replace the official ones.
        Files.writeString(input.resolve("dossiers/late2.csv"),
                "MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,TrangThaiHoSo,NgayCapNhat\n"
                        + "000.15.00.H36-L2,000.15.00.H36,1.000001,20200916080000,20200918170000,4,20201001080000\n");
        run(input, out, false, true, "2020-10");
        OutputStore restated = new OutputStore(Storage.local(), out.toString());
        assertNotEquals(officialFolder, restated.publishedPeriods("received_counts").get("2020-Q3"));
        long q3 = restated.read(SparkTestSupport.spark(), PeriodReplacementTest.RECEIVED)
                .filter("unit_code = '000.15.00.H36' AND period = '2020-Q3'").first().getAs("received");
        assertEquals(16, q3, "14 official + L1 + L2");
    }
}
