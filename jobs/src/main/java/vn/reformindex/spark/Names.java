package vn.reformindex.spark;

import java.util.List;

/** Column-name lists as the Scala sequences that Spark's join-by-name methods take. */
public final class Names {
    private Names() {
    }

    public static scala.collection.immutable.Seq<String> seq(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
    }
}
