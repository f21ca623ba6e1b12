package vn.reformindex.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SamplesRun;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.cli.Main;
import vn.reformindex.core.ExitCode;

/**
 * {@code report} rebuilds the reports of a published period from the published tables: the same CSV rows
 * as the run wrote for that period, the HTML report and summary.md, no table written, no pointer added;
 * a period that is not published, or another criteria set than the rankings', is refused.
 */
class ReportRebuildTest {
    @TempDir
    static Path tmp;
    private static Path out;
    private static List<String> pointersBefore;
    private static List<String> rankingsBefore;
    private static int code;
    private static String printed;

    @BeforeAll
    static void rebuild() throws IOException {
        SparkTestSupport.spark();
        out = SamplesRun.copy(tmp);
        pointersBefore = list(out.resolve("_pointers"));
        rankingsBefore = Files.readAllLines(out.resolve("reports/rankings.csv"), StandardCharsets.UTF_8);
        for (String f : List.of("rankings.csv", "scorecards.vi.csv", "bao-cao-2025.html", "summary.md", "reform-index.xlsx")) {
            Files.delete(out.resolve("reports").resolve(f));
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        code = Main.run(new String[]{"report", "--output", out.toString(), "--period", "2025"},
                new PrintStream(o, true, StandardCharsets.UTF_8), System.err);
        printed = o.toString(StandardCharsets.UTF_8);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void rebuildsTheReportsOfThePeriodFromThePublishedTables() throws IOException {
        assertEquals(ExitCode.OK.code, code, printed);
        Path reports = out.resolve("reports");
        for (String f : List.of("rankings.csv", "scorecards.vi.csv", "bao-cao-2025.html", "summary.md", "reform-index.xlsx",
                "processing-summary.csv", "rejected-records.csv")) {
            assertTrue(Files.isRegularFile(reports.resolve(f)), f + " rebuilt: " + list(reports));
        }
        // The same rows as the run wrote, for the period asked for (the run's file had both periods).
        List<String> expected = new ArrayList<>();
        for (String line : rankingsBefore) {
            if (expected.isEmpty() || line.startsWith("2025,")) {
                expected.add(line);
            }
        }
        assertTrue(expected.size() > 30);
        assertEquals(expected, Files.readAllLines(reports.resolve("rankings.csv"), StandardCharsets.UTF_8));
        assertEquals(pointersBefore, list(out.resolve("_pointers")), "no table is published again");
        String index = Files.readString(reports.resolve("index.csv"), StandardCharsets.UTF_8);
        String runId = printed.replaceAll("(?s).*\\(run (\\S+), from the published tables\\).*", "$1");
        assertTrue(index.contains("bao-cao-2025.html," + runId + ","), index);
        assertTrue(Files.readString(reports.resolve("summary.md"), StandardCharsets.UTF_8).contains("## Năm 2025"));
        assertFalse(Files.readString(reports.resolve("summary.md"), StandardCharsets.UTF_8).contains("Quý II/2025"),
                "only the period asked for");
    }

    @Test
    void refusesAPeriodThatIsNotPublished() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int c = Main.run(new String[]{"report", "--output", out.toString(), "--period", "2024-Q3"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.BAD_ARGUMENTS.code, c);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("2024-Q3 is not published"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnotherCriteriaSetThanTheRankings() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int c = Main.run(new String[]{"report", "--output", out.toString(), "--period", "2025", "--criteria", "example-xa"},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.BAD_CONFIGURATION.code, c);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("give that set with --criteria"), err.toString(StandardCharsets.UTF_8));
    }
}
