package vn.reformindex.pipeline;

import java.util.Collection;
import vn.reformindex.io.Storage;
import vn.reformindex.report.Report;

/** Writes a stage's reports into the run's staging folder (published with the tables). */
final class ReportWriting {
    private ReportWriting() {
    }

    static void write(Collection<Report> reports, Storage storage, String dir) {
        if (!reports.isEmpty()) {
            throw new UnsupportedOperationException("CSV reports arrive with the summary layer");
        }
    }
}
