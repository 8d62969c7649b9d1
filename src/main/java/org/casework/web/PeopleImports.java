package org.casework.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.ImportReport;
import org.casework.registry.PeopleImport;
import org.springframework.stereotype.Service;

/**
 * Runs a sheet upload (kept in a temporary file only while it is read) and the register export, and
 * writes the audit entry for each with who did it.
 */
@Service
class PeopleImports {

  private final PeopleImport imports;
  private final AuditLog audit;
  private final Clock clock;

  PeopleImports(PeopleImport imports, AuditLog audit, Clock clock) {
    this.imports = imports;
    this.audit = audit;
    this.clock = clock;
  }

  ImportReport run(String fileName, InputStream upload, boolean dryRun, RegionScope scope) {
    if (scope.region().level() == RegionLevel.VILLAGE) {
      throw BusinessRuleException.forbidden(
          "IMPORT_LEVEL", "信息采集表由乡镇（街道）或县（区）导入", scope.username() + " imports at village level");
    }
    Path file = null;
    try {
      file = Files.createTempFile("collection-sheet", ".xlsx");
      Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
      ImportReport report =
          dryRun
              ? imports.dryRun(fileName, file, scope)
              : imports.importSheet(fileName, file, scope);
      audit.record(
          new PersonRecordAccessed(
              AuditKind.PEOPLE_IMPORT,
              clock.instant(),
              scope.username(),
              scope.role().name(),
              scope.prefix(),
              report.mode().label(),
              report.fileName(),
              report.outcome().label()
                  + "：共 "
                  + report.rowsRead()
                  + " 行，错误 "
                  + report.badRows()
                  + " 行，新建 "
                  + report.personsCreated()
                  + " 人（导入记录 "
                  + report.id()
                  + "）"));
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temp file left behind is removed by the OS; the import's result stands
        }
      }
    }
  }

  int export(RegionScope scope, OutputStream out) {
    int n = imports.exportRegister(scope, out);
    audit.record(
        new PersonRecordAccessed(
            AuditKind.EXPORT,
            clock.instant(),
            scope.username(),
            scope.role().name(),
            scope.prefix(),
            "导出服务对象名册（脱敏）",
            "服务对象名册",
            n + " 人"));
    return n;
  }
}
