package org.casework.registry;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * The provincial information-collection sheet (信息采集表, .xlsx; layout in docs/people.md) in and the
 * region's register out. Imports are all-or-nothing and idempotent: a sheet with any bad row writes
 * nothing; the same sheet imported again changes nothing.
 */
public interface PeopleImport {

  /** Checks every row, writes no person data; the report is kept. */
  ImportReport dryRun(String fileName, Path sheet, RegionScope scope);

  /** Checks every row, then imports all rows in one transaction, or none when any row is bad. */
  ImportReport importSheet(String fileName, Path sheet, RegionScope scope);

  ImportReport report(long id, RegionScope scope);

  List<ImportReport> reports(RegionScope scope, int limit);

  /**
   * The register of the officer's region as .xlsx, masked (ID number's last four, masked phone, age
   * instead of birth date), streamed. Answers the number of people written.
   */
  int exportRegister(RegionScope scope, OutputStream out);
}
