package vn.reformindex.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession. The master is set only when neither the command line nor spark-submit set it,
 * because a master set in code would override {@code spark-submit --master}.
 */
public final class Sessions {
    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";

    private Sessions() {
    }

    public static SparkSession getOrCreate(String appName, String masterFromCommandLine) {
        SparkConf conf = new SparkConf(); // picks up spark.* system properties set by spark-submit
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        boolean local;
        if (masterFromCommandLine != null) {
            builder.master(masterFromCommandLine);
            local = masterFromCommandLine.startsWith("local");
        } else if (!conf.contains("spark.master")) {
            builder.master("local[*]");
            local = true;
        } else {
            local = conf.get("spark.master").startsWith("local");
        }
        if (local) {
            setIfAbsent(builder, conf, "spark.driver.host", "127.0.0.1");
            setIfAbsent(builder, conf, "spark.ui.enabled", "false");
            setIfAbsent(builder, conf, "spark.sql.shuffle.partitions", "8");
        }
        // Vietnamese local time everywhere: no run on a UTC cluster moves a dossier across midnight.
        builder.config("spark.sql.session.timeZone", TIME_ZONE);
        builder.config("spark.sql.datetime.java8API.enabled", "true");
        builder.config("spark.sql.ansi.enabled", "true");
        setIfAbsent(builder, conf, "spark.sql.sources.partitionOverwriteMode", "dynamic");
        // file: without a process per created or listed file (chmod, ls -ld): NioLocalFileSystem.
        setIfAbsent(builder, conf, "spark.hadoop.fs.file.impl", vn.reformindex.io.NioLocalFileSystem.class.getName());
        return builder.getOrCreate();
    }

    private static void setIfAbsent(SparkSession.Builder builder, SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            builder.config(key, value);
        }
    }
}
