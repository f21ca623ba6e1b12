package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TestInputs;

/**
 * Seeded fuzzing of the reader: the golden fixture's records (CSV, and the same records as JSON Lines with
 * nested lists), each carrying distinctive markers in a personal field and in fields outside the contract
 * (top level and nested), are mutated one edit per record (a character flipped, inserted or deleted, the
 * line truncated, a quote, line break, NUL or other control character injected, a value replaced by a huge
 * number, NaN, a boolean, a list, a duplicate key...), always as valid UTF-8: a record is made bad, never a
 * file. For every round: no crash, reconciliation exact per file and unit, the number of records read equal to
 * an independent count of the file, nothing unclean staged, and no marker in any output but the quarantine's
 * text of a contract field.
 *
 * <p>Fixed seed, fixed amount of work ({@value #ROUNDS} rounds of 196 mutated records in 10 files of about 80
 * records), and a time bound: no round starts after {@value #BUDGET_SECONDS} seconds (Spark's start not
 * counted); the first always runs.
 */
class IngestFuzzTest {
    static final long SEED = 0x10_2025L;
    static final int ROUNDS = 3;
    static final int BUDGET_SECONDS = 60;
    static final int CSV_FILES = 6;
    static final int CSV_MUTATIONS = 16;
    static final int JSON_FILES = 4;
    static final int JSON_MUTATIONS = 25;
    /** Every marker is "ZQ", six digits, "X"; a mutated one still holds "ZQ" and three digits. */
    static final Pattern MARKER = Pattern.compile("ZQ\\d{3}");

    private static final String[] ODD_CHARS = {"\"", ",", "\n", "\r", "\r\n", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085",
            "\u00a0", "\u200b", "\ufeff", "\u2028", "\ufffd", "ầ", "\uD83D\uDE00", "\\", "{", "}", "[", "]", ":", "'", ";", " ", "9"};
    private static final String[] ODD_CSV_VALUES = {"1e309", "99999999999999999999999", "NaN", "-1", "true", "\"\"", "\"a\"\"b\"",
            "\u0000", "31/02/2020", "00010101000000", "99991231235959", "x".repeat(3000), "4\u0000", " 4 ", "1.5", "1.500.000"};
    private static final String[] ODD_JSON_VALUES = {"1e309", "-1e309", "1E400", "NaN", "Infinity", "-0", "true", "false", "[]", "{}",
            "null", "\"\\u0000\"", "\"4\\u0000\"", "12345678901234567890123456789", "9".repeat(1500), "[4]", "{\"a\":1}", "0.1",
            "\"\"", "\"31/02/2020\"", "\"00010101000000\""};

    @TempDir
    Path tmp;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int markerCount;

    @Test
    void mutatedRecordsNeverCrashReconcileExactlyAndLeakNothing() throws IOException {
        Random random = new Random(SEED);
        List<String> golden = csvRecords(Files.readString(SparkTestSupport.golden().resolve("dossiers/dossiers.csv")));
        List<String> header = CsvSplitter_fields(golden.get(0));
        List<String> csvHeader = new ArrayList<>(header);
        csvHeader.addAll(List.of("ChuHoSo", "CCCD", "DiaChi"));
        List<Map<String, String>> goldenRows = new ArrayList<>();
        for (String r : golden.subList(1, golden.size())) {
            List<String> f = CsvSplitter_fields(r);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < f.size(); i++) {
                m.put(header.get(i), f.get(i));
            }
            goldenRows.add(m);
        }
        List<String> goldenJson = Files.readAllLines(SparkTestSupport.golden().resolve("dossiers/dossiers.jsonl"), StandardCharsets.UTF_8);

        SparkTestSupport.spark(); // started before the clock
        long start = System.nanoTime();
        int mutated = 0;
        int rounds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0 && (System.nanoTime() - start) / 1_000_000_000L > BUDGET_SECONDS) {
                break;
            }
            TestInputs in = TestInputs.withGoldenReference(tmp.resolve("round-" + round));
            Map<String, String> texts = new TreeMap<>();
            for (int f = 0; f < CSV_FILES; f++) {
                StringBuilder csv = new StringBuilder(String.join(",", csvHeader)).append('\n');
                List<String> records = new ArrayList<>();
                for (Map<String, String> row : goldenRows) {
                    List<String> cells = new ArrayList<>();
                    for (String h : header) {
                        String v = row.getOrDefault(h, "");
                        cells.add(h.equals("MaHoSo") && !v.isEmpty() ? v + ".F" + round + f : v);
                    }
                    cells.add(marker());
                    cells.add(marker());
                    cells.add("\"Số " + marker() + ", Lạng Sơn\"");
                    records.add(String.join(",", cells.stream().map(c -> c.startsWith("\"") ? c : quote(c)).toList()));
                }
                for (int m = 0; m < CSV_MUTATIONS; m++) {
                    int i = random.nextInt(records.size());
                    records.set(i, mutateCsv(records.get(i), random));
                    mutated++;
                }
                records.forEach(r -> csv.append(r).append('\n'));
                String name = "dossiers/fuzz-" + round + "-" + f + ".csv";
                texts.put(name, csv.toString());
                in.file(name, csv.toString());
            }
            for (int f = 0; f < JSON_FILES; f++) {
                List<String> lines = new ArrayList<>();
                for (Map<String, String> row : goldenRows) {
                    lines.add(jsonOf(row, round, f));
                }
                for (String g : goldenJson) {
                    ObjectNode o = (ObjectNode) mapper.readTree(g);
                    o.put("MaHoSo", o.get("MaHoSo").asText() + ".J" + round + f);
                    lines.add(withMarkers(o));
                }
                for (int m = 0; m < JSON_MUTATIONS; m++) {
                    int i = random.nextInt(lines.size());
                    lines.set(i, mutateJson(lines.get(i), random));
                    mutated++;
                }
                String name = "dossiers/fuzz-" + round + "-" + f + ".jsonl";
                String text = String.join("\n", lines) + "\n";
                texts.put(name, text);
                in.file(name, text);
            }
            check(IngestHarness.run(in.dir()), texts, csvHeader, round);
            rounds++;
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("IngestFuzzTest: " + rounds + " rounds, " + mutated + " mutated records, " + seconds + " s; outcomes "
                + outcomes);
        assertTrue(rounds >= 1 && mutated >= 190, rounds + " rounds, " + mutated + " mutated records");
        assertTrue(outcomes.keySet().containsAll(List.of("quarantined:MALFORMED_RECORD", "quarantined:INVALID_VALUE",
                "quarantined:INVALID_DATE", "quarantined:INVALID_STATUS")), "the mutations reach the checks: " + outcomes);
    }

    private void check(IngestHarness h, Map<String, String> texts, List<String> csvHeader, int round) {
        // Reconciliation exact, and read as counted independently from each file's text.
        Map<String, Long> readPerFile = new TreeMap<>();
        long read = 0;
        for (Map.Entry<String, String> e : h.reconciliationCounts().entrySet()) {
            String file = e.getKey().substring(0, e.getKey().indexOf('|'));
            long n = Long.parseLong(e.getValue().split(",")[0]);
            readPerFile.merge(file, n, Long::sum);
            read += n;
        }
        Map<String, Long> expectedRead = new TreeMap<>();
        texts.forEach((name, text) -> expectedRead.put(name, name.endsWith(".csv") ? countCsvRecords(text) - 1 : countJsonLines(text)));
        assertEquals(expectedRead, readPerFile, "round " + round + ": records read per file");
        List<Row> fates = h.fates.collectAsList(); // small; every column of staged_dossiers and quarantine is one of these
        assertEquals(read, fates.size(), "round " + round + ": one fate per record");

        List<String> leaks = new ArrayList<>();
        for (Row r : fates) {
            String fate = r.getAs(Fates.FATE);
            outcomes.merge(fate + (r.getAs(Fates.REASON) == null ? "" : ":" + r.getAs(Fates.REASON)), 1, Integer::sum);
            for (int i = 0; i < r.size(); i++) {
                String column = r.schema().fields()[i].name();
                Object v = r.get(i);
                String text = v == null ? "" : v instanceof scala.collection.Iterable ? v.toString() : String.valueOf(v);
                if (fate.equals(Fates.ACCEPTED) && v instanceof String) {
                    assertTrue(!Values.hasForbiddenChar(text), "round " + round + ": a control character staged: " + r);
                }
                if (!MARKER.matcher(text).find()) {
                    continue;
                }
                // Markers: only in the quarantine's masked_text, and there only in the value of a contract field.
                String where = r.getAs("source_file");
                boolean allowed = column.equals(RawRecords.MASKED_TEXT) && fate.equals(Fates.QUARANTINED)
                        && (where.endsWith(".csv") ? onlyInContractColumns(text, csvHeader) : onlyInContractFields(text));
                if (!allowed) {
                    leaks.add(where + ":" + r.getAs("source_line") + " " + fate + " " + column + "=" + text);
                }
            }
            if (fate.equals(Fates.ACCEPTED)) {
                assertTrue(r.getAs("dossier_code") != null && r.getAs("unit_code") != null, "round " + round + ": staged " + r);
            }
        }
        for (String t : h.warnings().toJSON().collectAsList()) {
            if (MARKER.matcher(t).find()) {
                leaks.add("ingest_warnings " + t);
            }
        }
        for (FileAuditResult a : h.audits) {
            if (MARKER.matcher(a.unknownColumns + " " + a.aliasesUsed).find()) {
                leaks.add("_RUN.json " + a.name + " " + a.unknownColumns);
            }
        }
        assertEquals(List.of(), leaks, "round " + round + ": markers outside the contract's fields");
    }

    private static boolean onlyInContractColumns(String maskedLine, List<String> header) {
        List<String> fields = CsvSplitter_fields(maskedLine);
        if (fields.size() != header.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            DossierField f = DossierField.bySource(header.get(i));
            if (MARKER.matcher(fields.get(i)).find() && (f == null || f.personal())) {
                return false;
            }
        }
        return true;
    }

    private boolean onlyInContractFields(String maskedJson) {
        JsonNode root;
        try {
            root = mapper.readTree(maskedJson);
        } catch (IOException e) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!MARKER.matcher(e.getValue().toString()).find()) {
                continue;
            }
            DossierField f = ColumnMapping.field(e.getKey().trim(), Map.of());
            if (f != null && !f.personal() && !e.getValue().isContainerNode()) {
                continue;
            }
            java.util.Set<String> nested = JsonRecords.NESTED_FIELDS.get(e.getKey());
            if (nested == null || !e.getValue().isArray()) {
                return false;
            }
            for (JsonNode element : e.getValue()) {
                Iterator<Map.Entry<String, JsonNode>> inner = element.fields();
                while (inner.hasNext()) {
                    Map.Entry<String, JsonNode> ie = inner.next();
                    if (MARKER.matcher(ie.getValue().toString()).find() && !nested.contains(ie.getKey())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    // ---- records and markers ----

    private String marker() {
        return String.format("ZQ%06dX", markerCount++);
    }

    private String jsonOf(Map<String, String> row, int round, int file) {
        ObjectNode o = mapper.createObjectNode();
        row.forEach((k, v) -> {
            if (v.isEmpty()) {
                return;
            }
            if (k.equals("MaHoSo")) {
                o.put(k, v + ".K" + round + file);
            } else if (k.equals("TrangThaiHoSo") && v.matches("\\d{1,2}")) {
                o.put(k, Integer.parseInt(v));
            } else {
                o.put(k, v);
            }
        });
        return withMarkers(o);
    }

    private String withMarkers(ObjectNode o) {
        o.put("ChuHoSo", marker());
        o.put("CCCD", marker());
        ObjectNode person = o.putObject("NguoiNop");
        person.put("CCCD", marker());
        person.putArray("DiaChi").add(marker());
        if (!o.has("TaiLieuNop")) {
            o.putArray("TaiLieuNop").addObject().put("DuocSoHoa", 1);
        }
        for (JsonNode d : o.get("TaiLieuNop")) {
            ((ObjectNode) d).put("TenTepDinhKem", marker() + ".pdf");
        }
        try {
            return mapper.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String v) {
        return v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    // ---- mutations (character level: the file stays valid UTF-8) ----

    private static String mutateCsv(String record, Random r) {
        if (r.nextInt(4) == 0) { // a field replaced by a hostile value
            List<String> cells = new ArrayList<>(List.of(record.split(",", -1)));
            int i = r.nextInt(Math.min(cells.size(), 21)); // one of the golden columns (the markers come after)
            cells.set(i, ODD_CSV_VALUES[r.nextInt(ODD_CSV_VALUES.length)]);
            return String.join(",", cells);
        }
        return mutateChars(record, r);
    }

    private static final Pattern JSON_VALUE = Pattern.compile("\"(\\w+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+]+|true|false|null)");

    private static String mutateJson(String line, Random r) {
        int kind = r.nextInt(6);
        if (kind <= 1) { // a value replaced by a hostile one
            List<int[]> spans = new ArrayList<>();
            Matcher m = JSON_VALUE.matcher(line);
            while (m.find()) {
                spans.add(new int[]{m.start(2), m.end(2)});
            }
            int[] s = spans.get(r.nextInt(spans.size()));
            return line.substring(0, s[0]) + ODD_JSON_VALUES[r.nextInt(ODD_JSON_VALUES.length)] + line.substring(s[1]);
        }
        if (kind == 2) { // a key given twice
            String[] keys = {"MaHoSo", "TrangThaiHoSo", "mahoso", "NgayTiepNhan", "ChuHoSo"};
            return "{\"" + keys[r.nextInt(keys.length)] + "\":\"dup\"," + line.substring(1);
        }
        return mutateChars(line, r);
    }

    private static String mutateChars(String s, Random r) {
        if (s.isEmpty()) {
            return ODD_CHARS[r.nextInt(ODD_CHARS.length)];
        }
        int at = r.nextInt(s.length());
        while (at > 0 && Character.isLowSurrogate(s.charAt(at))) {
            at--;
        }
        String odd = ODD_CHARS[r.nextInt(ODD_CHARS.length)];
        switch (r.nextInt(6)) {
            case 0: // flip one character
                return s.substring(0, at) + odd + s.substring(at + Character.charCount(s.codePointAt(at)));
            case 1: // insert one
                return s.substring(0, at) + odd + s.substring(at);
            case 2: // delete one
                return s.substring(0, at) + s.substring(at + Character.charCount(s.codePointAt(at)));
            case 3: // truncate
                return s.substring(0, at);
            case 4: // a quote at a field start, or a stray one
                return s.substring(0, at) + "\"" + s.substring(at);
            default: // a piece repeated
                int end = Math.min(s.length(), at + 1 + r.nextInt(40));
                while (end < s.length() && Character.isLowSurrogate(s.charAt(end))) {
                    end++;
                }
                return s.substring(0, end) + s.substring(at, end) + s.substring(end);
        }
    }

    // ---- independent counts and splitting ----

    /** Physical CSV records (RFC 4180: a quote opens only at a field's start), empty lines not counted. */
    static long countCsvRecords(String text) {
        long records = 0;
        boolean inQuotes = false;
        boolean fieldStart = true;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any) {
                    records++;
                }
                any = false;
                fieldStart = true;
                continue;
            }
            any = true;
            if (c == '"' && fieldStart) {
                inQuotes = true;
            }
            fieldStart = c == ',';
        }
        return records + (any || inQuotes ? 1 : 0);
    }

    /** Lines (ended by LF, CR or CR LF) holding something else than spaces and tabs. */
    static long countJsonLines(String text) {
        long n = 0;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (!line.replace(" ", "").replace("\t", "").isEmpty()) {
                n++;
            }
        }
        return n;
    }

    private static List<String> csvRecords(String text) throws IOException {
        CsvSplitter s = new CsvSplitter(new StringReader(text));
        List<String> out = new ArrayList<>();
        CsvSplitter.Record r;
        while ((r = s.next()) != null) {
            out.add(r.text);
        }
        return out;
    }

    private static List<String> CsvSplitter_fields(String record) {
        try {
            CsvSplitter.Record r = new CsvSplitter(new StringReader(record)).next();
            return r == null ? List.of("") : r.fields;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
