package vn.reformindex.report;

/**
 * Writes a {@link Report} as UTF-8 CSV with BOM (for Excel), and, when asked, a Vietnamese copy with
 * Vietnamese headers and number formats (36,08 and 47.540). To be implemented by the summary layer.
 */
public final class CsvReportWriter {
    private CsvReportWriter() {
    }
}
