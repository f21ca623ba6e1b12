package vn.reformindex.ingest;

import java.io.Serializable;
import java.util.List;

/** What the audit of one file found as it was read: size, checksum, and what (if anything) makes it unreadable. */
public final class FileAuditResult implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String name;
    public final long size;
    public final String sha256;
    /** Null when the file is readable; else a message naming the line and what was expected. */
    public final String error;
    /** Header columns (CSV) or top-level fields (JSON Lines) that the contract does not know. */
    public final List<String> unknownColumns;
    /** Alias columns used: "alias -> contract column". */
    public final List<String> aliasesUsed;

    /**
     * Records read per reconciliation unit (the one-pass reader counts them as it reads, before dedup); empty
     * from the tests' separate audit pass ({@code SeparatePasses}).
     */
    public final java.util.Map<String, Long> recordsRead;

    public FileAuditResult(String name, long size, String sha256, String error, List<String> unknownColumns,
                           List<String> aliasesUsed) {
        this(name, size, sha256, error, unknownColumns, aliasesUsed, java.util.Map.of());
    }

    public FileAuditResult(String name, long size, String sha256, String error, List<String> unknownColumns,
                           List<String> aliasesUsed, java.util.Map<String, Long> recordsRead) {
        this.name = name;
        this.size = size;
        this.sha256 = sha256;
        this.error = error;
        this.unknownColumns = List.copyOf(unknownColumns);
        this.aliasesUsed = List.copyOf(aliasesUsed);
        this.recordsRead = new java.util.TreeMap<>(recordsRead);
    }
}
