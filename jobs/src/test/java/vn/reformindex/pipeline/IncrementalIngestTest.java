package vn.reformindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TableAssertions;
import vn.reformindex.cli.Main;

/**
 * A run with one new file reads only that file and gives the same tables as a full recompute, with
 * re-syncs that displace a staged record, a quarantined record, and one that loses to a staged record.
 */
class IncrementalIngestTest {
    @TempDir
    Path tmp;

    private static final String NEXT_MONTH = "MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo,NgayCapNhat\n"
            // newer version of a staged dossier (open on 2020-10-20, now resolved late): displaces it
            + "000.15.00.H36-G07,000.15.00.H36,1.000001,20201020080000,20201029170000,20201102100000,10,20201102100000\n"
            // newer, valid version of G17, whose newest version was quarantined (status 99): displaces the quarantined one
            + "000.15.00.H36-G17,000.15.00.H36,1.000001,20200801080000,20200810170000,20200807100000,10,20201101080000\n"
            // older version of a staged dossier: loses, superseded in this file
            + "000.15.00.H36-G20,000.15.00.H36,1.000001,20200715080000,20200721170000,,4,20200715090000\n"
            // new dossiers, one broken
            + "000.15.00.H36-N1,000.15.00.H36,1.000001,20201102080000,20201106170000,,4,20201102080000\n"
            + "000.15.00.H36-N2,000.15.00.H36,1.000001,20201102080000,20201106170000,,4,bad-date\n";

    private Path input(String name, boolean withNextMonth) throws Exception {
        Path in = tmp.resolve(name);
        Files.createDirectories(in.resolve("dossiers"));
        for (String f : new String[]{"units.csv", "procedures.csv", "holidays.csv", "dossiers/dossiers.csv", "dossiers/dossiers.jsonl"}) {
            Files.copy(SparkTestSupport.golden().resolve(f), in.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (withNextMonth) {
            Files.writeString(in.resolve("dossiers/2020-11.csv"), NEXT_MONTH);
        }
        return in;
    }

    private static int run(Path in, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("ingest", "--input", in.toString(), "--output", out.toString(),
                "--run-date", "2026-11-22"));
        args.addAll(List.of(extra));
        return Main.run(args.toArray(new String[0]), new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void anIncrementEqualsAFullRecomputeAndReadsOnlyTheNewFile() throws Exception {
        Path in = input("monthly", false);
        Path incremental = tmp.resolve("incremental");
        assertEquals(0, run(in, incremental));
        Files.writeString(in.resolve("dossiers/2020-11.csv"), NEXT_MONTH);
        assertEquals(0, run(in, incremental));

        JsonNode manifest = new ObjectMapper().readTree(incremental.resolve("_RUN.json").toFile());
        JsonNode ingest = manifest.get("stages").get("ingest");
        assertEquals("incremental", ingest.get("mode").asText());
        assertEquals(1, ingest.get("input_files").size());
        assertEquals("dossiers/2020-11.csv", ingest.get("input_files").get(0).get("file").asText());
        assertEquals("[\"dossiers/dossiers.csv\",\"dossiers/dossiers.jsonl\"]", ingest.get("files_skipped_as_already_ingested").toString());
        assertEquals(88, manifest.get("stages").get("ingest").get("reconciliation").get("read").asLong(), "83 golden records and 5 new ones");
        assertEquals(6, manifest.get("stages").get("ingest").get("reconciliation").get("quarantined").asLong(), "6 golden, minus G17's version now superseded, plus N2");
        assertEquals(7, manifest.get("stages").get("ingest").get("reconciliation").get("superseded").asLong(), "4 + G07's and G17's old versions + the stale G20");

        // The same files (same sizes and modification times) ingested at once.
        Path everything = tmp.resolve("everything");
        Files.createDirectories(everything.resolve("dossiers"));
        try (java.util.stream.Stream<Path> files = Files.walk(in)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(p, everything.resolve(in.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path full = tmp.resolve("full");
        assertEquals(0, run(everything, full, "--full"));
        TableAssertions.assertSameTables(full, incremental);
    }

    @Test
    void aChangedFileMakesTheRunReadEverything() throws Exception {
        Path in = input("changing", false);
        Path out = tmp.resolve("out");
        assertEquals(0, run(in, out));
        Files.writeString(in.resolve("dossiers/dossiers.jsonl"), "", java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(in.resolve("dossiers/dossiers.jsonl"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(0, run(in, out));
        JsonNode ingest = new ObjectMapper().readTree(out.resolve("_RUN.json").toFile()).get("stages").get("ingest");
        assertEquals("full", ingest.get("mode").asText());
        assertTrue(ingest.get("full_because").asText().contains("dossiers/dossiers.jsonl changed"));
        assertEquals(2, ingest.get("input_files").size());
    }
}
