package org.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PeopleImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 信息采集表导入 (dry run, then import) and the register export, for township and county. */
@Controller
class PeopleImportPage {

  private static final Logger log = LoggerFactory.getLogger(PeopleImportPage.class);

  private final PeopleImports runner;
  private final PeopleImport imports;

  PeopleImportPage(PeopleImports runner, PeopleImport imports) {
    this.runner = runner;
    this.imports = imports;
  }

  @GetMapping("/people/import")
  String form(RegionScope scope, Model model) {
    model.addAttribute("reports", imports.reports(scope, 20));
    return "pages/people-import";
  }

  @PostMapping("/people/import")
  String upload(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "dry-run") String mode,
      RegionScope scope,
      Model model,
      HttpServletResponse response)
      throws IOException {
    model.addAttribute("reports", imports.reports(scope, 20));
    if (file == null || file.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", "请选择要导入的信息采集表（.xlsx）");
      return "pages/people-import";
    }
    try {
      var report =
          runner.run(
              file.getOriginalFilename(), file.getInputStream(), !"import".equals(mode), scope);
      model.addAttribute("report", report);
      model.addAttribute("reports", imports.reports(scope, 20));
    } catch (BusinessRuleException e) {
      log.warn("sheet upload refused: {}", e.getMessage());
      response.setStatus(PeoplePage.status(e));
      model.addAttribute("error", e.userMessage());
    }
    return "pages/people-import";
  }

  @GetMapping("/people/import/{id}")
  String report(
      @PathVariable long id, RegionScope scope, Model model, HttpServletResponse response) {
    model.addAttribute("reports", imports.reports(scope, 20));
    try {
      model.addAttribute("report", imports.report(id, scope));
    } catch (BusinessRuleException e) {
      response.setStatus(PeoplePage.status(e));
      model.addAttribute("error", e.userMessage());
    }
    return "pages/people-import";
  }

  /** The region's register, masked. */
  @GetMapping("/people/export")
  void export(RegionScope scope, HttpServletResponse response) throws IOException {
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode("服务对象名册-" + scope.prefix() + ".xlsx", StandardCharsets.UTF_8));
    runner.export(scope, response.getOutputStream());
  }
}
