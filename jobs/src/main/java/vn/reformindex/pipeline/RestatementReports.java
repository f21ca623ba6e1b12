package vn.reformindex.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;
import vn.reformindex.io.Storage;

/** Writes the restatement reports (UTF-8 with BOM, for Excel). */
final class RestatementReports {
    private RestatementReports() {
    }

    static void write(Storage storage, String uri, List<String> header, List<Row> rows) throws IOException {
        try (Writer w = storage.createText(uri)) {
            w.write('\uFEFF');
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get())) {
                for (Row r : rows) {
                    Object[] cells = new Object[r.size()];
                    for (int i = 0; i < r.size(); i++) {
                        cells[i] = r.isNullAt(i) ? "" : r.get(i) instanceof java.math.BigDecimal
                                ? ((java.math.BigDecimal) r.get(i)).stripTrailingZeros().toPlainString() : r.get(i).toString();
                    }
                    p.printRecord(cells);
                }
            }
        }
    }
}
