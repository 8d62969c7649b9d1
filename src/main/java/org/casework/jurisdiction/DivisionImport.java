package org.casework.jurisdiction;

import java.io.InputStream;
import java.util.List;

/**
 * Loads a county's regions and stations from its code sheet (GB/T 2260 county code + 3-digit
 * township + 3-digit village): a dry run lists every bad row in Chinese; an import writes all rows
 * or none; importing the same sheet again changes nothing. Only a county's administrator ({@link
 * Role#ADMIN} at county level) imports, for their own county; every run keeps a report.
 */
public interface DivisionImport {

  /** The sheet's column names, in order (row 1). */
  List<String> HEADER = List.of("区划代码", "名称", "服务站名称", "服务站地址", "服务站电话");

  DivisionImportReport dryRun(String fileName, InputStream sheet, RegionScope importer);

  DivisionImportReport importSheet(String fileName, InputStream sheet, RegionScope importer);

  /** The county's past reports, newest first. */
  List<DivisionImportReport> reports(RegionScope importer, int limit);

  DivisionImportReport report(long id, RegionScope importer);
}
