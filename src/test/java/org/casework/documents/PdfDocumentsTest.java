package org.casework.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

@org.springframework.test.context.ActiveProfiles("test")
@SpringBootTest(classes = org.casework.documents.internal.DocumentsTestConfig.class)
@ImportAutoConfiguration(ThymeleafAutoConfiguration.class)
@TestPropertySource(properties = "casework.documents.bureau=鲤城区退役军人事务局")
class PdfDocumentsTest {

  @Autowired PdfDocuments documents;

  @Test
  void printsTheTextWithTheBureauHeaderAndTheChineseFontEmbedded() throws IOException {
    byte[] pdf =
        documents.render(
            "sample-notice",
            Map.of(
                "petitioner", "张晓明",
                "caseNumber", "XF-350502-2026-000123",
                "dueDate", "2026年10月19日",
                "remark", "<script>alert(1)</script>"));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = PdfText.of(doc);
      assertThat(text)
          .contains("鲤城区退役军人事务局")
          .contains("受理告知书")
          .contains("XF-350502-2026-000123")
          .contains("2026年10月19日")
          .contains("张晓明")
          .contains("<script>alert(1)</script>")
          .contains("第 1 页 / 共 1 页");
      PDFont font =
          doc.getPage(0)
              .getResources()
              .getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).contains("NotoSansSC");
      assertThat(font.isEmbedded()).isTrue();
    }
  }

  @Test
  void theIssuerOfTheModelWinsOverTheConfiguredBureau() throws IOException {
    byte[] pdf =
        documents.render(
            "sample-notice",
            Map.of(
                "issuer", "海滨街道办事处",
                "petitioner", "李四",
                "caseNumber", "N-1",
                "dueDate", "2026年1月1日",
                "remark", ""));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(PdfText.of(doc)).contains("海滨街道办事处").doesNotContain("鲤城区");
    }
  }

  @Test
  void refusesTemplateNamesThatCouldLeaveTheDocumentsFolder() {
    assertThatThrownBy(() -> documents.render("../pages/login", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> documents.render("no-such-template", Map.of()))
        .isInstanceOf(DocumentRenderingException.class);
  }
}
