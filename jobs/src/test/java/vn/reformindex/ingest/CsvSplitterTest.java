package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
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
}
