package vn.reformindex.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TestInputs;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.period.PeriodWindow;

/** Manual scores: the exact period wins, else the year's score applies to its quarters and months. */
class ManualScoresTest {
    @TempDir
    Path tmp;

    private final CriteriaSet set = CriteriaSetLoader.load(Storage.local(), "766");

    @Test
    void theExactPeriodWinsElseTheYear() {
        TestInputs in = TestInputs.withGoldenReference(tmp).file("manual-scores.csv",
                "MaDonVi,KyDanhGia,MaChiSo,Diem,GiaTri,NguonMinhChung\n"
                        + "000.15.00.H36,2025,1.1,5,,Báo cáo năm\n"
                        + "000.15.00.H36,2025-Q2,1.1,3,,Báo cáo quý\n"
                        + "000.15.00.H36,2025,1.2,,0.5,Báo cáo năm\n"
                        + "000.15.00.H36,2025,XYZ,1,,criterion of another set: ignored\n");
        List<ManualScores.Entry> entries = ManualScores.read(Storage.local(), in.toString(), set);
        assertEquals(3, entries.size());
        List<PeriodWindow> windows = List.of(w("2025"), w("2025-Q2"), w("2025-Q3"), w("2025-06"), w("2024"));
        Map<String, String> got = new TreeMap<>();
        for (Row r : ManualScores.matched(SparkTestSupport.spark(), entries, windows, "").collectAsList()) {
            got.put(r.getString(1) + " " + r.getString(2), (r.isNullAt(3) ? "-" : r.getDecimal(3).stripTrailingZeros().toPlainString())
                    + " " + (r.isNullAt(4) ? "-" : r.getDecimal(4).stripTrailingZeros().toPlainString()) + " from " + r.getString(6));
        }
        Map<String, String> want = new TreeMap<>();
        want.put("2025 1.1", "5 - from 2025");
        want.put("2025-Q2 1.1", "3 - from 2025-Q2");
        want.put("2025-Q3 1.1", "5 - from 2025");
        want.put("2025-06 1.1", "5 - from 2025");
        want.put("2025 1.2", "- 0.5 from 2025");
        want.put("2025-Q2 1.2", "- 0.5 from 2025");
        want.put("2025-Q3 1.2", "- 0.5 from 2025");
        want.put("2025-06 1.2", "- 0.5 from 2025");
        assertEquals(want, got);
    }

    @Test
    void badScoresStopTheRunNamingFileAndLine() {
        String[][] cases = {
                {"000.15.00.H36,2025,1.1,7,,x", "line 2: Diem 7 is outside [0, 6] for 1.1"},
                {"000.15.00.H36,2025,2.1,7,,x", "line 2: MaChiSo 2.1 is computed from dossiers"},
                {"000.15.00.H36,2025,1.1,1,0.5,x", "line 2: give Diem (points) or GiaTri (ratio) for 1.1, not both"},
                {"000.15.00.H36,năm nay,1.1,1,,x", "line 2: KyDanhGia 'năm nay' is not a period"},
        };
        for (String[] c : cases) {
            TestInputs in = TestInputs.withGoldenReference(tmp.resolve(Integer.toString(c[1].hashCode())))
                    .file("manual-scores.csv", "MaDonVi,KyDanhGia,MaChiSo,Diem,GiaTri,NguonMinhChung\n" + c[0] + "\n");
            PipelineException e = assertThrows(PipelineException.class, () -> ManualScores.read(Storage.local(), in.toString(), set));
            assertEquals(ExitCode.BAD_CONFIGURATION, e.exitCode());
            assertTrue(e.getMessage().contains("manual-scores.csv, " + c[1]), e.getMessage());
        }
    }

    private static PeriodWindow w(String p) {
        Period period = Period.parse(p);
        return new PeriodWindow(period, period.end());
    }
}
