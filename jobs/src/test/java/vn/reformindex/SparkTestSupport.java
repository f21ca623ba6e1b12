package vn.reformindex;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.spark.Sessions;

/** One local SparkSession shared by the tests of a JVM, and the paths of the golden fixture. */
public final class SparkTestSupport {
    private static SparkSession spark;

    private SparkTestSupport() {
    }

    public static synchronized SparkSession spark() {
        if (spark == null) {
            System.setProperty("spark.sql.shuffle.partitions", "4");
            spark = Sessions.getOrCreate("reform-index-tests", "local[2]");
        }
        return spark;
    }

    /** ../shared next to the project (CI puts it there); overridable with -Dreformindex.shared. */
    public static Path shared() {
        String p = System.getProperty("reformindex.shared");
        return p != null ? Paths.get(p).normalize() : projectRoot().resolve("../shared").normalize();
    }

    public static Path golden() {
        return shared().resolve("golden");
    }

    public static Path projectRoot() {
        String p = System.getProperty("reformindex.root");
        return p != null ? Paths.get(p) : Paths.get("..").toAbsolutePath().normalize();
    }
}
