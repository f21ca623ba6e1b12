package vn.reformindex.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;

/**
 * Reads a small reference CSV (units, procedures, holidays, manual scores, aliases) on the driver with
 * commons-csv: strict UTF-8, optional BOM, columns by header name.
 */
public final class SmallCsv {
    /** One record: its values by column and the line it starts on. */
    public static final class Row {
        public final long line;
        private final Map<String, String> values;

        Row(long line, Map<String, String> values) {
            this.line = line;
            this.values = values;
        }

        /** The value, or null when the column is absent or the cell empty. */
        public String get(String column) {
            String v = values.get(column);
            return v == null || v.isEmpty() ? null : v;
        }
    }

    private final String file;
    private final List<String> header;
    private final List<Row> rows;

    private SmallCsv(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    public String file() { return file; }
    public List<String> header() { return header; }
    public List<Row> rows() { return rows; }

    /** Reads the file; a missing required column, a bad byte or a ragged line stops the run naming it. */
    public static SmallCsv read(Storage storage, String uri, String... requiredColumns) {
        try (InputStream in = storage.open(uri)) {
            return parse(uri, in, requiredColumns);
        } catch (IOException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, uri + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static SmallCsv parse(String name, InputStream in, String... requiredColumns) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(in, decoder);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        List<String> header;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            header = new ArrayList<>();
            for (String h : parser.getHeaderNames()) {
                header.add(stripBom(h).trim());
            }
            for (String required : requiredColumns) {
                if (!header.contains(required)) {
                    throw new PipelineException(ExitCode.UNREADABLE_INPUT, name + ", line 1: expected a column named '"
                            + required + "' in the header " + header);
                }
            }
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                if (r.size() != header.size()) {
                    throw new PipelineException(ExitCode.UNREADABLE_INPUT, name + ", record " + line + ": expected "
                            + header.size() + " fields, found " + r.size());
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), r.get(i).trim());
                }
                rows.add(new Row(line, values));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, name + ": is not valid UTF-8 (" + e.getMessage() + ")", e);
        } catch (java.io.UncheckedIOException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, name + ": cannot be parsed as CSV: "
                    + e.getCause().getClass().getSimpleName(), e);
        }
        return new SmallCsv(name, Collections.unmodifiableList(header), Collections.unmodifiableList(rows));
    }

    static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
