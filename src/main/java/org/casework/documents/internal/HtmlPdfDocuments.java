package org.casework.documents.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.casework.documents.DocumentRenderingException;
import org.casework.documents.PdfDocuments;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Thymeleaf renders the template to HTML, jsoup turns it into a W3C document and openhtmltopdf
 * (PDFBox) lays it out. The font is embedded as a subset: only the glyphs a document uses.
 */
@Service
@EnableConfigurationProperties(DocumentProperties.class)
class HtmlPdfDocuments implements PdfDocuments {

  static final String FONT_FAMILY = "Noto Sans SC";
  private static final Logger log = LoggerFactory.getLogger(HtmlPdfDocuments.class);

  private final ITemplateEngine templates;
  private final DocumentProperties properties;

  HtmlPdfDocuments(ITemplateEngine templates, DocumentProperties properties) {
    this.templates = templates;
    this.properties = properties;
  }

  @Override
  public byte[] render(String template, Map<String, ?> model) {
    if (template == null || !template.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("document template name must be [a-z0-9-]+: " + template);
    }
    Map<String, Object> variables = new HashMap<>(model);
    variables.putIfAbsent("issuer", properties.bureau());
    String html;
    try {
      html = templates.process("documents/" + template, new Context(Locale.CHINA, variables));
    } catch (RuntimeException e) {
      throw new DocumentRenderingException("template documents/" + template + " failed", e);
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(
          () -> font(properties.fontRegular()), FONT_FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font(properties.fontBold()), FONT_FAMILY, 700, FontStyle.NORMAL, true);
      builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "classpath:/");
      builder.toStream(pdf);
      builder.run();
    } catch (IOException | RuntimeException e) {
      throw new DocumentRenderingException("PDF layout of documents/" + template + " failed", e);
    }
    log.debug("rendered documents/{} to {} bytes", template, pdf.size());
    return pdf.toByteArray();
  }

  private static InputStream font(String location) {
    try {
      return new ClassPathResource(location).getInputStream();
    } catch (IOException e) {
      throw new DocumentRenderingException(
          "font "
              + location
              + " is not on the classpath; it comes from npm in the Maven build"
              + " (do not build with -Dnpm.skip=true)",
          e);
    }
  }
}
