package vn.reformindex.notebook;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.pipeline.CurrentTables;
import vn.reformindex.spark.Sessions;

/** What the first cell of a notebook needs: a session, and the current tables of an output folder as views. */
public final class Notebook {
    /**
     * Held here because java.util.logging keeps loggers weakly. The Java kernel routes java.util.logging to
     * SLF4J at every level; Janino's FINER tracing then formats a primitive type's name and throws, so Spark's
     * generated code fails to compile (seen on a sort by a string column). Janino logs nothing we need.
     */
    private static final Logger JANINO = Logger.getLogger("org.codehaus.janino");

    private Notebook() {
    }

    /** The session (master from spark.master, else local[*]), with the current tables of {@code output} as views. */
    public static SparkSession session(String name, String output) {
        JANINO.setLevel(Level.WARNING);
        SparkSession spark = Sessions.getOrCreate("notebook " + name, null);
        CurrentTables.register(spark, output);
        return spark;
    }

    /** An environment variable, or the default when it is unset or empty. */
    public static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    /** The views registered for an output folder under a prefix (a second output beside the first). */
    public static List<String> alsoRegister(SparkSession spark, String output, String prefix) {
        return CurrentTables.register(spark, output, prefix);
    }
}
