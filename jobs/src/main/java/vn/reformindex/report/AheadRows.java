package vn.reformindex.report;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reports written one after the other, each one's rows fetched while the one before is formatted. A report's
 * rows are one ordered partition brought to the driver; written in turn, the driver waited for each one's
 * Spark job with the executors idle, then formatted its rows with the executors idle (BENCHMARKS.md, round 8).
 * At most two reports' rows are on the driver at once: the one being written and the next.
 */
public final class AheadRows {
    /** Writes one item from its rows; E: what it may throw (unchecked: RuntimeException). */
    @FunctionalInterface
    public interface Writer<T, E extends Exception> {
        void write(T item, Iterator<Row> rows) throws E;
    }

    private final FutureTask<Iterator<Row>> task;

    private AheadRows(Dataset<Row> rows) {
        task = new FutureTask<>(() -> {
            Iterator<Row> it = rows.coalesce(1).toLocalIterator();
            it.hasNext(); // runs the job: one partition, so all the rows are fetched now
            return it;
        });
        // Spark's planning recurses deep on large plans: a larger stack than a new thread's default. The thread
        // inherits the caller's Spark job description.
        Thread t = new Thread(null, task, "reform-index report rows", 64L << 20);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Calls {@code writer} on each item with its rows ({@code rowsOf}, brought into one ordered partition), in
     * order; the next item's rows are fetched while the current one is written. A failed fetch is thrown as it
     * was when its item's turn comes; when a write fails, the fetch under way is abandoned.
     */
    public static <T, E extends Exception> void inOrder(List<T> items, Function<T, Dataset<Row>> rowsOf, Writer<T, E> writer) throws E {
        AheadRows next = items.isEmpty() ? null : new AheadRows(rowsOf.apply(items.get(0)));
        for (int i = 0; i < items.size(); i++) {
            AheadRows current = next;
            next = null;
            try {
                Iterator<Row> rows = current.await();
                next = i + 1 < items.size() ? new AheadRows(rowsOf.apply(items.get(i + 1))) : null;
                writer.write(items.get(i), rows);
            } catch (Throwable e) { // rethrown as it is (precise rethrow: the writer's E or unchecked)
                if (next != null) {
                    next.task.cancel(true);
                }
                throw e;
            }
        }
    }

    private Iterator<Row> await() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("interrupted while a report's rows were fetched", e);
        } catch (ExecutionException e) {
            // Thrown as the fetch threw it: Spark throws its checked SparkException undeclared, and callers meet
            // the same failure as when they fetched the rows themselves.
            throw AheadRows.<RuntimeException>undeclared(e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E undeclared(Throwable t) throws E {
        throw (E) t;
    }
}
