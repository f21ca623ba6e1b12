package vn.reformindex.publish;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Renders a {@link ReportModel.Page} with the FreeMarker template {@code report.ftlh} (HTML auto-escaping). */
public final class HtmlReport {
    private static final Configuration FREEMARKER = configuration();

    private HtmlReport() {
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(HtmlReport.class, "/vn/reformindex/publish");
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setOutputEncoding(StandardCharsets.UTF_8.name());
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        return c;
    }

    /**
     * The page written to {@code out} as it is rendered: a national report (13,000 units, 220 MB) is never
     * held whole in memory (as a string it was half a gigabyte of large arrays, most of the report's time
     * in garbage collection).
     */
    public static void render(ReportModel.Page page, Writer out) throws IOException {
        Template t;
        try {
            t = FREEMARKER.getTemplate("report.ftlh");
        } catch (IOException e) {
            throw new UncheckedIOException("report.ftlh: cannot be read", e);
        }
        try {
            t.process(Map.of("page", page), out);
        } catch (TemplateException e) {
            throw new IllegalStateException("report.ftlh: " + e.getMessage(), e);
        }
    }
}
