package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader's small parts on hostile text, without Spark. */
class ReaderEdgesTest {
    @Test
    void jsonNumbersAreKeptAsWrittenAndDuplicateKeysAreMalformed() throws IOException {
        ObjectNode o = JsonRecords.parse("{\"a\":1e309,\"b\":NaN,\"c\":" + "9".repeat(1200) + ",\"d\":true,\"e\":[1],\"f\":\"x\",\"g\":null}");
        assertNotNull(o);
        assertEquals("1e309", JsonRecords.scalar(o.get("a")));
        assertEquals("NaN", JsonRecords.scalar(o.get("b")));
        assertEquals("9".repeat(1200), JsonRecords.scalar(o.get("c")));
        assertEquals(Values.INVALID, JsonRecords.scalar(o.get("d")));
        assertEquals(Values.INVALID, JsonRecords.scalar(o.get("e")));
        assertEquals("x", JsonRecords.scalar(o.get("f")));
        assertNull(JsonRecords.scalar(o.get("g")));
        assertTrue(new ObjectMapper().writeValueAsString(o).startsWith("{\"a\":1e309,\"b\":NaN,"), "serialised as written");
        assertNull(JsonRecords.parse("{\"a\":1,\"a\":2}"));
        assertNull(JsonRecords.parse("{\"l\":[{\"a\":1,\"a\":2}]}"));
        assertNull(JsonRecords.parse("{\"a\":1}{\"a\":2}"));
        assertNull(JsonRecords.parse("{\"a\":1} x"));
        assertNotNull(JsonRecords.parse("{\"a\":1}  "));
        assertNull(JsonRecords.parse("{\"a\":01}"));
        assertNull(JsonRecords.parse("[{\"a\":1}]"));
    }

    @Test
    void maskingKeepsContractFieldsAndNamesOnly() throws IOException {
        ObjectNode o = JsonRecords.parse("{\"MaHoSo\":\"A-1\",\"ChuHoSo\":\"N\",\"CCCD\":\"0791\",\"X\":\"\",\"NguoiNop\":{\"CCCD\":\"0791\",\"L\":[1,\"2\"]},"
                + "\"TaiLieuNop\":[{\"DuocSoHoa\":1,\"Ten\":\"f.pdf\"},7],\"MaDonVi\":{\"Ma\":\"U\"}}");
        JsonRecords.mask(o, Map.of());
        assertEquals("{\"MaHoSo\":\"A-1\",\"ChuHoSo\":\"***\",\"CCCD\":\"***\",\"X\":\"\",\"NguoiNop\":{\"CCCD\":\"***\",\"L\":[\"***\",\"***\"]},"
                + "\"TaiLieuNop\":[{\"DuocSoHoa\":1,\"Ten\":\"***\"},\"***\"],\"MaDonVi\":{\"Ma\":\"***\"}}", new ObjectMapper().writeValueAsString(o));
    }

    @Test
    void controlAndInvisibleCharactersAreNotValues() {
        for (String s : List.of("A\u0000", "\u0001A", "A\tB", "A\nB", "A\u007f", "A\u0085", "A\u200bB", "\ufeffA", "A\u2028", "A\ufffd", "A\ue000")) {
            assertTrue(Values.hasForbiddenChar(s), s);
            assertEquals(Values.INVALID, RecordReader.clean(DossierField.MA_HO_SO, s));
        }
        for (String s : List.of("000.15.00.H36-G01", " Nguyễn ", "A\u00a0B", "😀", "Đ")) {
            assertFalse(Values.hasForbiddenChar(s), s);
        }
        assertEquals("000.15.00.H36-G01", RecordReader.clean(DossierField.MA_HO_SO, " 000.15.00.h36-g01 "));
    }

    @Test
    void onlyYears1990To2100AreDates() {
        assertNull(DateTimes.parse("00010101000000"));
        assertNull(DateTimes.parse("01/01/1900"));
        assertNull(DateTimes.parse("1989-12-31 23:59:59"));
        assertEquals(LocalDateTime.of(1990, 1, 1, 0, 0), DateTimes.parse("1990-01-01"));
        assertEquals(LocalDateTime.of(2100, 12, 31, 23, 59, 59), DateTimes.parse("21001231235959"));
        assertNull(DateTimes.parse("2101-01-01T00:00:00"));
        assertNull(DateTimes.parse("99991231"));
    }

    @Test
    void linesAndRecordsAreBoundedAndBomIsSkipped() throws IOException {
        TextInput.LineReader lines = new TextInput.LineReader(new StringReader("a\r\nb\rc\n\n" + "x".repeat(3000) + "\nd"));
        assertEquals("a", lines.next().text.text());
        assertEquals("b", lines.next().text.text());
        TextInput.Line c = lines.next();
        assertEquals(3, c.number);
        assertTrue(lines.next().blank());
        TextInput.BoundedText big = new TextInput.BoundedText(100);
        "x".repeat(3000).chars().forEach(ch -> big.append((char) ch));
        assertTrue(big.oversized());
        assertNull(big.text());
        assertEquals(3000, big.byteLength());
        TextInput.BoundedText small = new TextInput.BoundedText();
        small.append("x".repeat(3000));
        assertEquals(small.sha256(), big.sha256(), "the same digest, streamed or not");
        assertEquals("d", skip(lines, 1).text.text());

        CsvSplitter s = new CsvSplitter(new StringReader("h\n\"open " + "y".repeat(500) + "\nz\n"), 100);
        s.next();
        CsvSplitter.Record r = s.next();
        assertTrue(r.broken && r.oversized && r.fields.isEmpty() && r.text == null);
        assertEquals(("\"open " + "y".repeat(500) + "\nz\n").length(), r.byteLength());
        assertNull(s.next());
    }

    private static TextInput.Line skip(TextInput.LineReader lines, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            lines.next();
        }
        return lines.next();
    }
}
