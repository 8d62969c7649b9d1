package org.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.casework.attachments.AttachmentContent;
import org.casework.attachments.AttachmentOwner;
import org.casework.attachments.AttachmentView;
import org.casework.attachments.Attachments;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseNumber;
import org.casework.casefile.CaseView;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Materials, photos and receipts of a case: upload (page and JSON) and download, region-scoped. */
@Controller
class CaseAttachments {

  private static final Logger log = LoggerFactory.getLogger(CaseAttachments.class);

  private final CaseFiles caseFiles;
  private final Attachments attachments;

  CaseAttachments(CaseFiles caseFiles, Attachments attachments) {
    this.caseFiles = caseFiles;
    this.attachments = attachments;
  }

  private AttachmentView store(String caseNumber, MultipartFile file, RegionScope scope)
      throws IOException {
    CaseView c = caseFiles.get(new CaseNumber(caseNumber).value(), scope);
    if (file == null || file.isEmpty()) {
      throw BusinessRuleException.invalid(
          "ATTACHMENT_EMPTY", "请选择要上传的文件", "attachment upload without a file");
    }
    return attachments.store(
        AttachmentOwner.CASE,
        c.caseNumber(),
        c.regionCode(),
        file.getOriginalFilename(),
        file.getBytes(),
        scope.username());
  }

  @PostMapping("/api/cases/{caseNumber}/attachments")
  @ResponseBody
  ResponseEntity<AttachmentView> upload(
      @PathVariable String caseNumber,
      @RequestParam(required = false) MultipartFile file,
      RegionScope scope)
      throws IOException {
    return ResponseEntity.status(201).body(store(caseNumber, file, scope));
  }

  @PostMapping("/cases/{caseNumber}/attachments")
  String uploadPage(
      @PathVariable String caseNumber,
      @RequestParam(required = false) MultipartFile file,
      RegionScope scope,
      RedirectAttributes redirect)
      throws IOException {
    String number = new CaseNumber(caseNumber).value();
    try {
      AttachmentView v = store(number, file, scope);
      redirect.addFlashAttribute("message", "附件「" + v.fileName() + "」已保存");
    } catch (BusinessRuleException e) {
      log.warn("attachment refused: {}", e.getMessage());
      redirect.addFlashAttribute("error", e.userMessage());
    }
    return "redirect:/cases/" + number;
  }

  @GetMapping("/attachments/{id}")
  void download(@PathVariable long id, RegionScope scope, HttpServletResponse response)
      throws IOException {
    AttachmentContent a;
    try {
      a = attachments.content(id, scope);
    } catch (BusinessRuleException e) {
      response.sendError(PeoplePage.status(e), e.userMessage());
      return;
    }
    response.setContentType(a.view().contentType());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(a.view().fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
    response.setContentLengthLong(a.bytes().length);
    response.getOutputStream().write(a.bytes());
  }
}
