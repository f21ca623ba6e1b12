package vn.reformindex.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.table.TableDecl;

/**
 * The reports the committee opens, written from the published tables into a reports folder: one
 * self-contained HTML report per period ({@code bao-cao-<period>.html}), its PDF printed by headless
 * Chromium when one is installed ({@code bao-cao-<period>.pdf}), and {@code summary.md}.
 */
public final class CommitteeReports {
    private static final Logger LOG = LogManager.getLogger(CommitteeReports.class);
    /** Units of a period's report above which no PDF is printed (a province has hundreds; about 18 KB of HTML each). */
    static final int PDF_MAX_UNITS = 2000;
    public static final String SUMMARY = "summary.md";

    /** What was written: file names, and how to get the PDF when it could not be printed (else null). */
    public record Written(List<String> files, String pdfNote) {
    }

    private CommitteeReports() {
    }

    /** The HTML report's file name for a period. */
    public static String htmlName(String period) {
        return "bao-cao-" + period + ".html";
    }

    public static String pdfName(String period) {
        return "bao-cao-" + period + ".pdf";
    }

    /**
     * Writes the reports of {@code periods} (the run's, in the order given: the history of each scorecard) into
     * {@code dir}. Periods without rankings get no HTML report.
     */
    public static Written write(Function<TableDecl, Dataset<Row>> tables, CriteriaSet set, List<String> periods,
                                String dataCutOff, Storage storage, String dir) throws IOException {
        return write(tables, set, periods, dataCutOff, storage, dir, PDF_MAX_UNITS);
    }

    /** As {@link #write}, printing the PDF of a period with at most {@code pdfMaxUnits} units. */
    static Written write(Function<TableDecl, Dataset<Row>> tables, CriteriaSet set, List<String> periods,
                         String dataCutOff, Storage storage, String dir, int pdfMaxUnits) throws IOException {
        List<String> ordered = new ArrayList<>(periods);
        ordered.sort(Comparator.comparing((String p) -> Period.parse(p).start())
                .thenComparing(p -> Period.parse(p).end(), Comparator.reverseOrder()));
        ReportData data = new ReportData(tables, set);
        List<ReportModel.Page> pages = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Path chromium = Pdf.chromium();
        String pdfNote = chromium == null ? Pdf.HOW_TO : null;
        Path tmp = Files.createTempDirectory("reform-index-report");
        try {
            for (String period : ordered) {
                ReportModel.Page page = data.page(period, ordered, dataCutOff);
                if (page.peerGroups().isEmpty() && page.scorecards().isEmpty()) {
                    continue; // nothing ranked in the period (e.g. no criteria set applies)
                }
                pages.add(page);
                String htmlUri = Storage.join(dir, htmlName(period));
                files.add(htmlName(period));
                boolean tooBig = page.scorecards().size() > pdfMaxUnits;
                if (chromium == null || tooBig) {
                    if (chromium != null) {
                        // A national report (13,000 units, 220 MB of HTML) is not printed in minutes nor read on paper.
                        pdfNote = "the PDF is printed for at most " + pdfMaxUnits + " units (" + page.scorecards().size()
                                + " in " + period + "); open the HTML in a browser, or run the province's units alone";
                    }
                    render(page, storage.create(htmlUri));
                    continue;
                }
                // Chromium prints a local file: the report is rendered there once, then copied to the output.
                Path localHtml = tmp.resolve(htmlName(period));
                Path localPdf = tmp.resolve(pdfName(period));
                render(page, Files.newOutputStream(localHtml));
                try (OutputStream out = storage.create(htmlUri)) {
                    Files.copy(localHtml, out);
                }
                try {
                    Pdf.print(chromium, localHtml, localPdf);
                    write(storage, Storage.join(dir, pdfName(period)), Files.readAllBytes(localPdf));
                    files.add(pdfName(period));
                } catch (IOException e) {
                    // The HTML is the report; a PDF that cannot be printed is noted, not fatal.
                    pdfNote = "the PDF could not be printed (" + e.getMessage() + "); open the HTML in a browser and "
                            + "print it to PDF (A4)";
                    LOG.warn("{}", pdfNote);
                }
            }
            if (!pages.isEmpty()) {
                write(storage, Storage.join(dir, SUMMARY), SummaryMarkdown.render(pages).getBytes(StandardCharsets.UTF_8));
                files.add(SUMMARY);
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        if (pdfNote != null && !files.isEmpty()) {
            LOG.warn("HTML report written without its PDF: {}", pdfNote);
        }
        return new Written(files, files.isEmpty() ? null : pdfNote);
    }

    /** Renders the page into {@code out} as UTF-8, streaming, and closes it. */
    private static void render(ReportModel.Page page, OutputStream out) throws IOException {
        try (java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16)) {
            HtmlReport.render(page, w);
        }
    }

    private static void write(Storage storage, String uri, byte[] bytes) throws IOException {
        try (OutputStream out = storage.create(uri)) {
            out.write(bytes);
        }
    }
}
