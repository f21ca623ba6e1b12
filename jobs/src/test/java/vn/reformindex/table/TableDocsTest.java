package vn.reformindex.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;

/**
 * docs/tables.md is what the declarations say. After changing a declaration, regenerate it with
 * {@code mvn -pl jobs test -Dtest=TableDocsTest -Dreformindex.writeDocs=true}.
 */
class TableDocsTest {
    @Test
    void docsTablesMdIsGeneratedFromTheDeclarations() throws IOException {
        Path docs = SparkTestSupport.projectRoot().resolve("docs/tables.md");
        String generated = TableDocs.render(Tables.ALL);
        if (Boolean.getBoolean("reformindex.writeDocs")) {
            Files.writeString(docs, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(docs, StandardCharsets.UTF_8),
                "docs/tables.md differs from the declarations: regenerate it (see this test's comment)");
    }

    @Test
    void everyTableIsDocumentedOnceUnderItsOwner() {
        String md = TableDocs.render(Tables.ALL);
        for (TableDecl t : Tables.ALL) {
            int first = md.indexOf("### `" + t.name() + "`");
            assertEquals(true, first > 0, t.name());
            assertEquals(-1, md.indexOf("### `" + t.name() + "`", first + 1), t.name() + " documented twice");
        }
    }
}
