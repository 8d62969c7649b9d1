package org.casework.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Attachments: type by content, size limit, stored once per owner, read only inside the region. */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class AttachmentsTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
  static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

  @Autowired Attachments attachments;
  @Autowired DemoRegion region;

  String owner = "BF-350502-2026-" + UUID.randomUUID().toString().substring(0, 8);

  private String refusal(byte[] content, String name) {
    try {
      attachments.store(AttachmentOwner.CASE, owner, DemoRegion.VILLAGE, name, content, "zhangwei");
      return null;
    } catch (BusinessRuleException e) {
      return e.userMessage();
    }
  }

  @Test
  void shouldKeepPdfAndImagesAndRefuseOtherContentWhateverItsName() {
    AttachmentView receipt =
        attachments.store(
            AttachmentOwner.CASE, owner, DemoRegion.VILLAGE, "收据.png", PNG, "zhangwei");
    AttachmentView again =
        attachments.store(
            AttachmentOwner.CASE, owner, DemoRegion.VILLAGE, "收据.png", PNG, "zhangwei");
    AttachmentView material =
        attachments.store(
            AttachmentOwner.CASE, owner, DemoRegion.VILLAGE, "证明.PDF", PDF, "zhangwei");

    assertThat(receipt.contentType()).isEqualTo("image/png");
    assertThat(again.id()).isEqualTo(receipt.id());
    assertThat(material.contentType()).isEqualTo("application/pdf");
    assertThat(attachments.of(AttachmentOwner.CASE, owner)).hasSize(2);
    assertThat(refusal("MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1), "证明.pdf"))
        .isEqualTo("只能上传 PDF、JPG 或 PNG 文件（按文件内容判断，改扩展名无效）");
    assertThat(refusal(PNG, "照片.pdf")).startsWith("文件内容是 PNG，但文件名扩展名为「pdf」");
    assertThat(refusal(new byte[0], "空.pdf")).isEqualTo("附件是空文件，请重新选择");
  }

  @Test
  void shouldRefuseAFileOverTheSizeLimit() {
    byte[] big = new byte[(int) attachments.maxBytes() + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);

    assertThat(attachments.maxBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(refusal(big, "扫描件.pdf")).startsWith("附件不能超过 10 MB");
    assertThat(attachments.of(AttachmentOwner.CASE, owner)).isEmpty();
  }

  @Test
  void shouldGiveTheFileOnlyInsideTheRegion() {
    region.ensure();
    AttachmentView v =
        attachments.store(
            AttachmentOwner.VISIT,
            owner,
            DemoRegion.VILLAGE,
            "走访.jpg",
            new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2},
            "lixiaohong");

    AttachmentContent mine =
        attachments.content(
            v.id(),
            new RegionScope(
                "zhangwei", Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.TOWNSHIP)));

    assertThat(mine.bytes()).hasSize(6);
    assertThatThrownBy(
            () ->
                attachments.content(
                    v.id(),
                    new RegionScope(
                        "chenjing",
                        Role.TOWNSHIP_CASEWORKER,
                        new RegionCode(DemoRegion.OTHER_TOWNSHIP))))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));
  }
}
