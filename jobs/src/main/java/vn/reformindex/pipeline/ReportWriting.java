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
     * Starts the committee's reports (HTML per period, its PDF when Chromium is installed, summary.md) from the
     * tables on a thread of their own, so that the workbook is written meanwhile on the caller's (both are
     * single-threaded work on the driver: at 13,000 units each took about half a minute, one after the other).
     * {@link Committee#alongside} runs the workbook meanwhile, waits for them and records them in the run's record.
     */
    static Committee committee(java.util.function.Function<vn.reformindex.table.TableDecl, org.apache.spark.sql.Dataset<
            org.apache.spark.sql.Row>> tables, vn.reformindex.criteria.CriteriaSet set, java.util.List<String> periods,
                               Storage storage, String dir, RunManifest manifest, org.apache.spark.SparkContext sc) {
        Object cutOff = manifest.asMap().get("data_cut_off");
        String shown = cutOff == null ? "" : java.time.LocalDate.parse(cutOff.toString())
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu"));
        java.util.concurrent.FutureTask<vn.reformindex.publish.CommitteeReports.Written> task =
                new java.util.concurrent.FutureTask<>(() -> {
                    sc.setJobDescription("reform-index committee reports");
                    try {
                        return vn.reformindex.publish.CommitteeReports.write(tables, set, periods, shown, storage, dir);
                    } catch (IOException e) {
                        throw new UncheckedIOException(dir + ": cannot write the committee's reports", e);
                    }
                });
        // Spark's planning recurses deep on large plans: a larger stack than a new thread's default.
        Thread t = new Thread(null, task, "reform-index committee reports", 64L << 20);
        t.setDaemon(true);
        t.start();
        return new Committee(task);
    }

    /** The committee's reports being written (see {@link #committee}). */
    static final class Committee {
        private final java.util.concurrent.Future<vn.reformindex.publish.CommitteeReports.Written> task;

        private Committee(java.util.concurrent.Future<vn.reformindex.publish.CommitteeReports.Written> task) {
            this.task = task;
        }

        /** Waits for the reports; records them, and how to get the PDF when it could not be printed, in the run's record. */
        private void finish(RunManifest manifest) {
            vn.reformindex.publish.CommitteeReports.Written w = await();
            manifest.put("committee_reports", w.files());
            if (w.pdfNote() != null) {
                manifest.put("committee_reports_pdf", w.pdfNote());
            }
        }

        /**
         * Runs {@code work} (the workbook) on the caller's thread while the reports are written, then waits for
         * them and records them; when {@code work} fails, waits for the thread first (nothing writes into the
         * staging folder once the run abandons it) and fails with the work's error.
         */
        void alongside(Runnable work, RunManifest manifest) {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                settle();
                throw e;
            }
            finish(manifest);
        }

        /** Waits for the thread without its result. */
        private void settle() {
            boolean interrupted = false;
            while (!task.isDone()) {
                try {
                    task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // still waits: the staging folder is removed only after
                } catch (java.util.concurrent.ExecutionException e) {
                    // the run fails on its first error; this one is secondary
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private vn.reformindex.publish.CommitteeReports.Written await() {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the committee's reports were written", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** Each report's CSV files (split reports' per-value files in the same pass: {@link CsvReportWriter#write}). */
    static void write(Collection<Report> reports, Storage storage, String dir) {
        vn.reformindex.report.AheadRows.inOrder(java.util.List.copyOf(reports), CsvReportWriter::rows, (r, rows) -> {
            try {
                CsvReportWriter.write(r, rows, storage, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot write " + r.fileName(), e);
            }
        });
    }
}
