package vn.reformindex.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import vn.reformindex.io.Storage;
import vn.reformindex.report.CsvReportWriter;
import vn.reformindex.report.Report;

/** Writes a stage's reports into the run's staging folder (published with the tables). */
final class ReportWriting {
    private ReportWriting() {
    }

    /** The workbook of the run's reports (reports/reform-index.xlsx); returns the data rows written. */
    static long workbook(java.util.List<Report> reports, java.util.Map<String, String> about, Storage storage, String dir) {
        try {
            return vn.reformindex.report.WorkbookWriter.write(vn.reformindex.report.Workbooks.sheets(reports), about, storage,
                    Storage.join(dir, "reform-index.xlsx"));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the workbook", e);
        }
    }

    static void write(Collection<Report> reports, Storage storage, String dir) {
        for (Report r : reports) {
            try {
                CsvReportWriter.write(r, storage, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot write " + r.fileName(), e);
            }
        }
    }
}
