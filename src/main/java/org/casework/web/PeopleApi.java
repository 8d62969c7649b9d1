package org.casework.web;

import jakarta.validation.Valid;
import java.io.IOException;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.ImportReport;
import org.casework.registry.Need;
import org.casework.registry.PeopleImport;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonPage;
import org.casework.registry.PersonQuery;
import org.casework.registry.PersonRecords;
import org.casework.registry.RecordNeed;
import org.casework.registry.RecordStatus;
import org.casework.registry.StatusRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of the people pages: search, dossier (audited), statuses, needs, sheet import. */
@RestController
class PeopleApi {

  private final PersonRecords records;
  private final Dossier dossier;
  private final PeopleImports runner;
  private final PeopleImport imports;

  PeopleApi(PersonRecords records, Dossier dossier, PeopleImports runner, PeopleImport imports) {
    this.records = records;
    this.dossier = dossier;
    this.runner = runner;
    this.imports = imports;
  }

  @GetMapping("/api/people")
  PersonPage search(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) PersonCategory category,
      @RequestParam(required = false) String village,
      @RequestParam(required = false) String keyContact,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      RegionScope scope) {
    return records.search(
        new PersonQuery(name, idNumber, category, village, keyContact, overdue, page, size), scope);
  }

  @GetMapping("/api/people/{id}")
  Dossier.View dossier(@PathVariable long id, RegionScope scope) {
    return dossier.open(id, scope);
  }

  @PostMapping("/api/people/{id}/statuses")
  StatusRecord status(
      @PathVariable long id, @Valid @RequestBody RecordStatus body, RegionScope scope) {
    return records.recordStatus(id, body, scope);
  }

  @PostMapping("/api/people/{id}/needs")
  Need need(@PathVariable long id, @Valid @RequestBody RecordNeed body, RegionScope scope) {
    return records.recordNeed(id, body, scope);
  }

  /** {@code dryRun=true} (default) only checks; {@code false} imports all rows or none. */
  @PostMapping("/api/people/imports")
  ImportReport importSheet(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "true") boolean dryRun,
      RegionScope scope)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw BusinessRuleException.invalid(
          "IMPORT_NO_FILE", "请选择要导入的信息采集表（.xlsx）", "import without a file");
    }
    return runner.run(file.getOriginalFilename(), file.getInputStream(), dryRun, scope);
  }

  @GetMapping("/api/people/imports/{id}")
  ImportReport report(@PathVariable long id, RegionScope scope) {
    return imports.report(id, scope);
  }
}
