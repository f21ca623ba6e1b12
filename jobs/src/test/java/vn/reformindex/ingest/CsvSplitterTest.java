package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvSplitterTest {
    @Test
    void quotedNewlinesCommasAndQuotesStayInTheirField() throws IOException {
        String text = "a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\r\n\r\n4,5,6";
        CsvSplitter s = new CsvSplitter(new StringReader(text));
        CsvSplitter.Record h = s.next();
        assertEquals(1, h.line);
        assertEquals(List.of("a", "b", "c"), h.fields);
        CsvSplitter.Record r = s.next();
        assertEquals(2, r.line);
        assertEquals(List.of("1", "x, \"y\"\nz", "3"), r.fields);
        assertEquals("1,\"x, \"\"y\"\"\nz\",3", r.text);
        assertFalse(r.broken);
        CsvSplitter.Record last = s.next();
        assertEquals(5, last.line, "the empty line 4 is skipped, line numbers still count it");
        assertEquals(List.of("4", "5", "6"), last.fields);
        assertNull(s.next());
    }

    @Test
    void brokenQuotesAreFlagged() throws IOException {
        CsvSplitter s = new CsvSplitter(new StringReader("1,\"ab\"c,3\n2,\"never closed,4\n5,6"));
        CsvSplitter.Record a = s.next();
        assertTrue(a.broken);
        assertEquals(1, a.line);
        CsvSplitter.Record b = s.next();
        assertTrue(b.broken, "an unclosed quote swallows the rest of the file into one broken record");
        assertEquals(2, b.line);
        assertNull(s.next());
    }

    @Test
    void emptyTrailingFieldsCount() throws IOException {
        CsvSplitter s = new CsvSplitter(new StringReader("a,,\n"));
        assertEquals(List.of("a", "", ""), s.next().fields);
    }

    /** A field at random: plain, Vietnamese, empty, long (over the 8,192-character read buffer), or quoted with commas, quotes and newlines. */
    private static String randomField(Random rnd) {
        String[] plain = {"", "abc", "Hồ sơ đất đai", "1.001234", "2025-03-04 08:00:00", "x😀y", " a b "};
        int kind = rnd.nextInt(10);
        if (kind < 6) {
            return plain[rnd.nextInt(plain.length)];
        }
        if (kind == 6) {
            return "dài ".repeat(1 + rnd.nextInt(4000));
        }
        StringBuilder q = new StringBuilder("\"");
        int parts = 1 + rnd.nextInt(5);
        for (int i = 0; i < parts; i++) {
            q.append(new String[]{"a,b", "\"\"", "\n", "\r\n", "đ", "x".repeat(rnd.nextInt(3000))}[rnd.nextInt(6)]);
        }
        return q.append('"').toString();
    }

    @Test
    void agreesWithCommonsCsvOnRandomTextAcrossReadBuffers() throws IOException {
        Random rnd = new Random(766);
        StringBuilder text = new StringBuilder();
        List<Long> lines = new ArrayList<>();
        List<String> records = new ArrayList<>();
        long line = 1;
        for (int r = 0; r < 400; r++) {
            StringBuilder record = new StringBuilder();
            int width = 1 + rnd.nextInt(6);
            for (int f = 0; f < width; f++) {
                record.append(f == 0 ? "" : ",").append(randomField(rnd));
            }
            if (record.length() == 0) {
                record.append("\"\""); // a record of one empty field, not an empty line (skipped)
            }
            lines.add(line);
            records.add(record.toString());
            text.append(record).append(rnd.nextBoolean() ? "\n" : "\r\n");
            // the record's own line breaks are \n or \r\n inside quotes: one line each
            line += 1 + record.chars().filter(c -> c == '\n').count();
        }
        CsvSplitter splitter = new CsvSplitter(new StringReader(text.toString()));
        int i = 0;
        try (CSVParser parser = CSVParser.parse(text.toString(), CSVFormat.RFC4180)) {
            for (CSVRecord expected : parser) {
                CsvSplitter.Record got = splitter.next();
                assertFalse(got.broken, "record " + i);
                assertEquals(expected.toList(), got.fields, "record " + i);
                assertEquals(lines.get(i), got.line, "record " + i);
                assertEquals(records.get(i), got.text, "record " + i + ": its original text");
                i++;
            }
        }
        assertEquals(400, i);
        assertNull(splitter.next());
    }

    @Test
    void anOversizedRecordKeepsItsLengthAndHashOnly() throws Exception {
        String big = "1,\"" + "ổ,".repeat(5000) + "\",3";
        CsvSplitter s = new CsvSplitter(new StringReader("a,b,c\n" + big + "\n4,5,6\n"), 1000);
        assertEquals(List.of("a", "b", "c"), s.next().fields);
        CsvSplitter.Record r = s.next();
        assertTrue(r.broken);
        assertTrue(r.oversized);
        assertNull(r.text);
        assertEquals(List.of(), r.fields);
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        assertEquals(bytes.length, r.byteLength());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), r.sha256());
        CsvSplitter.Record after = s.next();
        assertEquals(List.of("4", "5", "6"), after.fields);
        assertEquals(3, after.line);
    }
}
