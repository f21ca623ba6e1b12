package vn.reformindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each subcommand's --help lists its own options; errors name the option and exit with 2. No Spark starts. */
class CommandLineTest {
    private static String help(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code, String.join(" ", args));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rankHelpListsOnlyTheOptionsOfRank() {
        String h = help("rank", "--help");
        for (String o : new String[]{"--input", "--output", "--period", "--as-of", "--criteria", "--official", "--restate", "--master"}) {
            assertTrue(h.contains(o), o + " in\n" + h);
        }
        assertFalse(h.contains("--full"), h);
        assertTrue(h.contains("Usage: reform-index rank"), h);
    }

    @Test
    void reportReadsTheOutputOnly() {
        String h = help("report", "--help");
        for (String o : new String[]{"--output", "--period", "--criteria", "--master"}) {
            assertTrue(h.contains(o), o + " in\n" + h);
        }
        assertFalse(h.contains("--input") || h.contains("--as-of") || h.contains("--full"), h);
    }

    @Test
    void ingestAndFactsTakeNoPeriodAndNoCriteriaSet() {
        String ingest = help("ingest", "--help");
        assertTrue(ingest.contains("--full"), ingest);
        assertFalse(ingest.contains("--period") || ingest.contains("--criteria"), ingest);
        String facts = help("facts", "-h");
        assertFalse(facts.contains("--period") || facts.contains("--full") || facts.contains("--criteria"), facts);
        String summary = help("summary", "--help");
        assertTrue(summary.contains("--period") && !summary.contains("--criteria"), summary);
    }

    @Test
    void theGeneralHelpListsEverySubcommandAndTheClusterJar() {
        String h = help("--help");
        for (String c : new String[]{"ingest", "facts", "summary", "score", "rank", "run", "report", "generate"}) {
            assertTrue(h.contains("  " + c + " "), c + " in\n" + h);
        }
        assertTrue(h.contains("spark-submit --class vn.reformindex.cli.Main reform-index-jobs-cluster.jar"), h);
    }

    @Test
    void aBadOptionIsNamedAndExitsWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"rank", "--input", "x", "--output", "y", "--as-of", "29/10/2020"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("--as-of") && e.contains("29/10/2020") && e.contains("rank --help"), e);
        assertEquals(2, Main.run(new String[]{"rank", "--input", "x", "--output", "y", "--official"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())),
                "--official needs --period");
    }

    @Test
    void rankAndRunTakeTheIntervalOptionsAndRefuseABadNumberOfDraws() {
        for (String cmd : new String[]{"rank", "run"}) {
            String h = help(cmd, "--help");
            assertTrue(h.contains("--draws") && h.contains("--no-uncertainty"), h);
        }
        String score = help("score", "--help");
        assertFalse(score.contains("--draws") || score.contains("--no-uncertainty"), score);
        for (String bad : new String[]{"-1", "100001", "many"}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[]{"rank", "--input", "x", "--output", "y", "--draws", bad},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code, bad);
            String e = err.toString(StandardCharsets.UTF_8);
            assertTrue(e.contains("--draws") && e.contains("'" + bad + "' is not a whole number of draws from 0 to 100000"), e);
        }
    }
}
