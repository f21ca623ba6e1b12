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

    /**
     * The committee's reports (HTML per period, its PDF when Chromium is installed, summary.md) from the
     * tables; records them, and how to get the PDF when it could not be printed, in the run's record.
     */
    static void committee(java.util.function.Function<vn.reformindex.table.TableDecl, org.apache.spark.sql.Dataset<
            org.apache.spark.sql.Row>> tables, vn.reformindex.criteria.CriteriaSet set, java.util.List<String> periods,
                          Storage storage, String dir, RunManifest manifest) {
        Object cutOff = manifest.asMap().get("data_cut_off");
        String shown = cutOff == null ? "" : java.time.LocalDate.parse(cutOff.toString())
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu"));
        try {
            vn.reformindex.publish.CommitteeReports.Written w = vn.reformindex.publish.CommitteeReports.write(tables, set,
                    periods, shown, storage, dir);
            manifest.put("committee_reports", w.files());
            if (w.pdfNote() != null) {
                manifest.put("committee_reports_pdf", w.pdfNote());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the committee's reports", e);
        }
    }

    /** Each report's CSV files (split reports' per-value files in the same pass: {@link CsvReportWriter#write}). */
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
