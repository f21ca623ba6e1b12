package vn.reformindex.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
    private static final String[] LEVELS = {"TINH", "SO", "HUYEN", "XA"};

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesTheSameBytes() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        SampleGenerator.generate(a, 42, 3000);
        SampleGenerator.generate(b, 42, 3000);
        assertSameFiles(a, b);
        Path c = tmp.resolve("c");
        SampleGenerator.generate(c, 43, 3000);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("dossiers/xa-2025-h1.csv")),
                Files.readAllBytes(c.resolve("dossiers/xa-2025-h1.csv"))), "another seed, other dossiers");
    }

    @Test
    void defaultsReproduceTheCommittedDataSamples() throws IOException {
        Path out = tmp.resolve("default");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int rc = GeneratorCommand.run(new String[] {"--output", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, stderr.toString(StandardCharsets.UTF_8));
        assertSameFiles(root().resolve("data-samples"), out);
    }

    @Test
    void statedProperties() throws IOException {
        Path out = tmp.resolve("props");
        GeneratedFiles result = SampleGenerator.generate(out, SampleGenerator.DEFAULT_SEED, SampleGenerator.DEFAULT_DOSSIERS);

        // units: 1 province, 9 departments, 3 districts, 24 communes
        Map<String, Integer> levels = new TreeMap<>();
        Set<String> codes = new HashSet<>();
        List<String> unitLines = Files.readAllLines(out.resolve("units.csv"), StandardCharsets.UTF_8);
        assertEquals("MaDonVi,TenDonVi,CapDonVi,MaDonViCha,NhomXepHang,HieuLucTu,HieuLucDen,MaDonViKeThua", unitLines.get(0));
        for (String line : unitLines.subList(1, unitLines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(8, f.length, line);
            levels.merge(f[2], 1, Integer::sum);
            codes.add(f[0]);
        }
        assertEquals(1, levels.get("TINH"));
        assertTrue(levels.get("SO") >= 8, "departments: " + levels);
        assertEquals(3, levels.get("HUYEN"));
        assertTrue(levels.get("XA") >= 20, "communes: " + levels);
        for (String level : LEVELS) {
            assertNotNull(levels.get(level));
        }

        // dossier records
        int all = 0;
        int json = 0;
        Set<String> seen = new HashSet<>();
        int repeated = 0;
        List<Path> dossierFiles = list(out.resolve("dossiers"));
        for (Path f : dossierFiles) {
            String name = f.getFileName().toString();
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            int records = name.endsWith(".jsonl") ? lines.size() : lines.size() - 1;
            all += records;
            if (name.endsWith(".jsonl")) {
                json += records;
            }
            if (name.equals("broken-records.csv")) {
                continue;
            }
            for (int i = name.endsWith(".jsonl") ? 0 : 1; i < lines.size(); i++) {
                String line = lines.get(i);
                String code = name.endsWith(".jsonl") ? line.substring(11, line.indexOf('"', 11)) : line.substring(0, line.indexOf(','));
                String unit = code.substring(0, 13);
                assertTrue(codes.contains(unit), code);
                if (!seen.add(code)) {
                    repeated++;
                }
            }
        }
        assertTrue(all >= 50_000, "dossier records: " + all);
        assertEquals(result.dossierRecords(), all);
        assertTrue(json * 10 <= all, "JSON Lines records " + json + " of " + all);
        assertTrue(json * 20 >= all, "JSON Lines records " + json + " of " + all);
        assertTrue(repeated >= 200 && repeated <= 1000, "re-synced dossiers: " + repeated);
        assertEquals(result.resyncs, repeated);
        assertEquals(result.dossiers + result.resyncs + result.broken(), result.dossierRecords());
        assertEquals(40, result.broken());
        assertEquals(5, result.brokenAccepted);
        assertTrue(dossierFiles.contains(out.resolve("dossiers/broken-records.csv")));
        assertTrue(result.bytes < 20L * 1024 * 1024, "bytes: " + result.bytes);

        long committed = 0;
        for (Path f : list(root().resolve("data-samples"))) {
            committed += Files.size(f);
        }
        assertTrue(committed < 20L * 1024 * 1024, "data-samples bytes: " + committed);
    }

    @Test
    void badArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, GeneratorCommand.run(new String[] {"--seed", "abc", "--output", "x"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--seed"));
        assertEquals(2, GeneratorCommand.run(new String[] {"--seed", "1"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--output"));
        err.reset();
        assertEquals(2, GeneratorCommand.run(new String[] {"--bogus", "--output", "x"}, o, e));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("--bogus"), message);
        assertEquals(1, message.lines().count(), "one line: " + message);
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertEquals(0, GeneratorCommand.run(new String[] {"--help"}, new PrintStream(help, true, StandardCharsets.UTF_8), e));
        for (String option : new String[] {"--output", "--seed", "--dossiers", "--national", "--format", "--files", "--threads"}) {
            assertTrue(help.toString(StandardCharsets.UTF_8).contains(option), option);
        }
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> e = relative(expected);
        List<String> a = relative(actual);
        assertEquals(e, a, "file lists");
        for (String f : e) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    private static List<String> relative(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : list(dir)) {
            out.add(dir.relativize(f).toString().replace('\\', '/'));
        }
        return out;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> out = new ArrayList<>();
            s.filter(Files::isRegularFile).sorted().forEach(out::add);
            return out;
        }
    }

    private static Path root() {
        String prop = System.getProperty("reformindex.root");
        if (prop != null && Files.isDirectory(Paths.get(prop, "data-samples"))) {
            return Paths.get(prop);
        }
        Path d = Paths.get("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("data-samples"))) {
            d = d.getParent();
        }
        assertNotNull(d, "no data-samples directory above " + Paths.get("").toAbsolutePath());
        return d;
    }
}
