package org.casework.jurisdiction.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.DivisionImport;
import org.casework.jurisdiction.DivisionImportReport;
import org.casework.jurisdiction.RegionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 区划与服务站代码导入 for the county's administrator: upload the sheet, 检查 (dry run) or 导入, the report with
 * every bad row, the county's past reports. Access: /admin/** is the administrators' (security's
 * StaffAdminAccessRules); the facade also requires a county-level administrator.
 */
@Controller
class DivisionImportPage {

  private static final Logger log = LoggerFactory.getLogger(DivisionImportPage.class);

  private final DivisionImport imports;

  DivisionImportPage(DivisionImport imports) {
    this.imports = imports;
  }

  @GetMapping("/admin/divisions")
  String page(RegionScope scope, Model model, HttpServletResponse response) {
    return show(scope, model, response, null);
  }

  @PostMapping("/admin/divisions")
  String upload(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "check") String action,
      RegionScope scope,
      Model model,
      HttpServletResponse response)
      throws IOException {
    if (file == null || file.isEmpty()) {
      model.addAttribute("error", "请选择要导入的区划与服务站代码表（.xlsx）");
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(scope, model, response, null);
    }
    try {
      DivisionImportReport report =
          "import".equals(action)
              ? imports.importSheet(file.getOriginalFilename(), file.getInputStream(), scope)
              : imports.dryRun(file.getOriginalFilename(), file.getInputStream(), scope);
      if (report.outcome() == DivisionImportReport.Outcome.REJECTED) {
        response.setStatus(422);
      }
      return show(scope, model, response, report);
    } catch (BusinessRuleException e) {
      log.warn("division import refused: {}", e.getMessage());
      response.setStatus(status(e));
      model.addAttribute("error", e.userMessage());
      return "admin/divisions";
    }
  }

  @GetMapping("/admin/divisions/reports/{id}")
  String report(
      @PathVariable long id, RegionScope scope, Model model, HttpServletResponse response) {
    try {
      return show(scope, model, response, imports.report(id, scope));
    } catch (BusinessRuleException e) {
      response.setStatus(status(e));
      model.addAttribute("error", e.userMessage());
      return "admin/divisions";
    }
  }

  private String show(
      RegionScope scope, Model model, HttpServletResponse response, DivisionImportReport report) {
    model.addAttribute("header", DivisionImport.HEADER);
    model.addAttribute("report", report);
    try {
      model.addAttribute("reports", imports.reports(scope, 20));
    } catch (BusinessRuleException e) {
      response.setStatus(status(e));
      model.addAttribute("error", e.userMessage());
    }
    return "admin/divisions";
  }

  private static int status(BusinessRuleException e) {
    return switch (e.kind()) {
      case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
      case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
      case CONFLICT -> HttpServletResponse.SC_CONFLICT;
      default -> HttpServletResponse.SC_BAD_REQUEST;
    };
  }
}
