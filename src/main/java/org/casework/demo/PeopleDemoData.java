package org.casework.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.ImportReport;
import org.casework.registry.PeopleImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo county's people from the demo 信息采集表 ({@code demo/collection-sheet.xlsx}), imported by
 * the county caseworker through the same dry run and import as an upload. A second start finds
 * everyone and changes nothing.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class PeopleDemoData implements ApplicationRunner {

  private void region(String code, String name) {
    RegionCode region = new RegionCode(code);
    jurisdiction.addRegion(region, name);
    jurisdiction.addStation(region, name + "退役军人服务站", "泉州市鲤城区" + name, null);
  }

  static final String SHEET = "demo/collection-sheet.xlsx";
  private static final Logger log = LoggerFactory.getLogger(PeopleDemoData.class);

  private final PeopleImport imports;
  private final Jurisdiction jurisdiction;

  PeopleDemoData(PeopleImport imports, Jurisdiction jurisdiction) {
    this.imports = imports;
    this.jurisdiction = jurisdiction;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    // the sheet's township: its own, so the demo's festival campaigns of the other two stay small
    region("350502003", "金龙街道");
    region("350502003001", "金山社区");
    region("350502003002", "龙泉社区");
    RegionScope county =
        RegionScope.of(
            jurisdiction
                .staff("zhaolei")
                .orElseThrow(() -> new IllegalStateException("demo staff zhaolei missing")));
    Path file = Files.createTempFile("demo-collection-sheet", ".xlsx");
    try (InputStream in = new ClassPathResource(SHEET).getInputStream()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      ImportReport dry = imports.dryRun("信息采集表（演示）.xlsx", file, county);
      if (dry.outcome() != ImportReport.Outcome.CLEAN) {
        log.error("demo sheet has {} bad rows, first: {}", dry.badRows(), dry.problems().get(0));
        return;
      }
      ImportReport done = imports.importSheet("信息采集表（演示）.xlsx", file, county);
      log.info(
          "demo sheet: {} rows, {} new people, {} statuses, {} household links",
          done.rowsRead(),
          done.personsCreated(),
          done.statusesRecorded(),
          done.householdsLinked());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
