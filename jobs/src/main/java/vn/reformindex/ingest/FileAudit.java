package vn.reformindex.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The audit's rules, applied by the one pass over each file ({@link AuditedInput}, {@link RecordReader}): SHA-256,
 * a strict UTF-8 check that reports the byte offset and line of the first bad byte, the header check (CSV), and
 * the names a file uses that the contract does not know or knows by an alias (the CSV header's, every JSON Lines
 * object's top-level names: unknown ones become ingest_warnings rows, both are listed in _RUN.json). A file that
 * fails stops the run before anything is written. Messages never quote a record; a name is shown as it is only
 * when short and printable, else by its length ({@link ColumnMapping}).
 */
final class FileAudit {
    private FileAudit() {
    }

    /** The message for the first invalid byte (without the file's name): line, byte offset, the byte. */
    static String decodeError(long line, long consumed, int bad, int next) {
        boolean utf16 = consumed == 0 && ((bad == 0xFF && next == 0xFE) || (bad == 0xFE && next == 0xFF));
        return "line " + line + " (byte offset " + consumed + "): invalid UTF-8 byte 0x"
                + String.format("%02X", bad) + (utf16 ? " (a UTF-16 byte order mark: the file is UTF-16)" : "")
                + "; expected UTF-8 text (with or without BOM)";
    }

    /**
     * The header's verdict (CSV): null when readable, else the message; unknown names and aliases used are
     * added to the lists.
     */
    static String headerError(CsvSplitter.Record header, Map<String, String> aliases, List<String> unknown,
                              List<String> aliasesUsed) {
        if (header == null) {
            return "line 1: expected a header row, found an empty file";
        } else if (header.oversized) {
            return "line " + header.line + ": the first row is longer than " + TextInput.MAX_RECORD_CHARS
                    + " characters; expected a header row with the columns " + String.join(", ", ColumnMapping.REQUIRED);
        } else if (header.broken) {
            return "line " + header.line + ": the header row has unbalanced quotes; expected a header row with the columns "
                    + String.join(", ", ColumnMapping.REQUIRED);
        }
        ColumnMapping m = new ColumnMapping(header.fields, aliases, true);
        unknown.addAll(m.unknown);
        aliasesUsed.addAll(m.aliasesUsed);
        return m.problem == null ? null : "line " + header.line + ": " + m.problem;
    }

    /**
     * The top-level names of a JSON Lines line that is one whole object (nested values skipped, keys given
     * twice included); null for any other line.
     */
    static List<String> topLevelNames(String line) {
        try (JsonParser p = JsonRecords.FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<String> names = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                names.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            return names;
        } catch (IOException e) {
            return null; // malformed (JsonProcessingException); reading a String cannot fail otherwise
        }
    }

    /** Adds a whole object's top-level names to the file's report: unknown ones and aliases used. */
    static void addNames(List<String> names, Map<String, String> aliases, java.util.Set<String> unknownSet,
                         java.util.Set<String> aliasSet) {
        for (String name : names) {
            DossierField f = ColumnMapping.field(vn.reformindex.reference.Text.nfc(name).trim(), aliases);
            if (f == null && !ColumnMapping.NESTED_LISTS.contains(name)) {
                ColumnMapping.addReported(unknownSet, name);
            } else if (f != null && !f.source.equalsIgnoreCase(name) && aliasSet.size() < ColumnMapping.MAX_REPORTED_NAMES) {
                aliasSet.add(name + " -> " + f.source);
            }
        }
    }

    /** The report lists from the collected sets: unknown names sorted, the "more" line last. */
    static void report(java.util.Set<String> unknownSet, java.util.Set<String> aliasSet, List<String> unknown,
                       List<String> aliasesUsed) {
        java.util.Set<String> copy = new java.util.LinkedHashSet<>(unknownSet);
        boolean more = copy.remove(ColumnMapping.MORE_NAMES);
        unknown.addAll(new TreeSet<>(copy));
        if (more) {
            unknown.add(ColumnMapping.MORE_NAMES);
        }
        aliasesUsed.addAll(aliasSet);
    }

    static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
