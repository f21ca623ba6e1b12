package vn.reformindex.generator;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a generator run wrote, in both shapes: records and bytes per file, and what the ingest is meant to
 * make of the dossier records (distinct dossiers, older versions of re-synced ones, the broken-records file's
 * intended quarantine reasons).
 */
public final class GeneratedFiles {
    /** Records per file (relative path, '/' separated): CSV rows without the header, or JSON lines. */
    public final Map<String, Long> records = new TreeMap<>();
    /** Bytes of all files. */
    public long bytes;
    /** Distinct dossiers in the dossier files, broken-records.csv not counted. */
    public long dossiers;
    /** Older versions of re-synced dossiers: each comes before the dossier's final version. */
    public long resyncs;
    /** Records of dossiers/broken-records.csv meant to be quarantined, per reason code (docs/reason-codes.md). */
    public final Map<String, Integer> brokenQuarantined = new TreeMap<>();
    /** Records of dossiers/broken-records.csv meant to be accepted. */
    public int brokenAccepted;
    /** National shape: number of part files; 0 for the sample. */
    public int parts;

    /** Records of all files under dossiers/. */
    public long dossierRecords() {
        long n = 0;
        for (Map.Entry<String, Long> e : records.entrySet()) {
            if (e.getKey().startsWith("dossiers/")) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Records of dossiers/broken-records.csv. */
    public int broken() {
        int n = brokenAccepted;
        for (int q : brokenQuarantined.values()) {
            n += q;
        }
        return n;
    }
}
