package vn.reformindex.ingest;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Records per partition of a pass, collected on the driver: how the records of the files were spread over
 * the tasks after the read. A partition computed again reports the same count, which replaces the earlier.
 */
final class PartitionCounts extends AccumulatorV2<long[], Map<Integer, Long>> {
    private static final long serialVersionUID = 1L;
    private final TreeMap<Integer, Long> counts = new TreeMap<>();

    @Override
    public boolean isZero() {
        return counts.isEmpty();
    }

    @Override
    public PartitionCounts copy() {
        PartitionCounts c = new PartitionCounts();
        synchronized (this) {
            c.counts.putAll(counts);
        }
        return c;
    }

    @Override
    public synchronized void reset() {
        counts.clear();
    }

    /** {partition, records}. */
    @Override
    public synchronized void add(long[] partitionAndCount) {
        counts.put((int) partitionAndCount[0], partitionAndCount[1]);
    }

    @Override
    public void merge(AccumulatorV2<long[], Map<Integer, Long>> other) {
        Map<Integer, Long> o = other.value();
        synchronized (this) {
            counts.putAll(o);
        }
    }

    @Override
    public synchronized Map<Integer, Long> value() {
        return new TreeMap<>(counts);
    }
}
