package org.casework.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.stations.AcceptanceStatus;
import org.casework.stations.AcceptanceView;
import org.casework.stations.ItemKind;
import org.casework.stations.ItemScore;
import org.casework.stations.RegisterStation;
import org.casework.stations.SheetItem;
import org.casework.stations.SpecialKind;
import org.casework.stations.StationAcceptance;
import org.casework.stations.StationKind;
import org.casework.stations.Stations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The stations demo: the demo county's centre, township and village stations (one township short of
 * full-time staff, one village with nobody named: gaps), a bank-branch 特色服务站, and this quarter's
 * self-assessments of the village stations submitted by their liaisons, so 刘洋 (liuyang) can score
 * them, send the statement, and 赵磊 (zhaolei) can spot-check. Idempotent.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class StationDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StationDemoData.class);

  private final Stations stations;
  private final StationAcceptance acceptance;
  private final Jurisdiction jurisdiction;

  StationDemoData(Stations stations, StationAcceptance acceptance, Jurisdiction jurisdiction) {
    this.stations = stations;
    this.acceptance = acceptance;
    this.jurisdiction = jurisdiction;
  }

  private record Village(
      String code, String name, String liaison, String liaisonName, boolean staffed) {}

  private static final List<Village> VILLAGES =
      List.of(
          new Village("350502001001", "新华社区", "lixiaohong", "李晓红", true),
          new Village("350502001002", "中山社区", "zhoumei", "周梅", true),
          new Village("350502002001", "临江社区", "wuxia", "吴霞", true),
          new Village("350502003001", "金山社区", "jinshan", "金珊", true),
          new Village("350502003002", "龙泉社区", "longquan", "龙泉", false));

  @Override
  public void run(ApplicationArguments args) {
    RegionScope county = scope("zhaolei");
    station(
        "350502",
        StationKind.COUNTY_CENTRE,
        null,
        "鲤城区退役军人服务中心",
        "编办〔2019〕12号",
        5,
        county,
        List.of(
            new String[] {"林主任", "true", "true"},
            new String[] {"陈干事", "true", "false"},
            new String[] {"郭干事", "true", "true"}));
    station(
        "350502001",
        StationKind.TOWNSHIP,
        null,
        "海滨街道退役军人服务站",
        "海滨街〔2019〕3号",
        2,
        county,
        List.of(new String[] {"张伟", "true", "true"}, new String[] {"王芳", "true", "false"}));
    // 临江街道: one full-time person only → a staffing gap
    station(
        "350502002",
        StationKind.TOWNSHIP,
        null,
        "临江街道退役军人服务站",
        "临江街〔2019〕5号",
        2,
        county,
        List.<String[]>of(
            new String[] {"陈静", "true", "true"}, new String[] {"蔡兼职", "false", "false"}));
    station(
        "350502003",
        StationKind.TOWNSHIP,
        null,
        "金龙街道退役军人服务站",
        null,
        1,
        county,
        List.<String[]>of(
            new String[] {"金站长", "true", "true"}, new String[] {"龙专干", "true", "false"}));
    station(
        "350502001",
        StationKind.SPECIAL,
        SpecialKind.BANK,
        "农商银行海滨支行拥军服务站",
        null,
        0,
        county,
        List.<String[]>of(new String[] {"银行联络员", "false", "true"}));
    for (Village v : VILLAGES) {
      if (jurisdiction.staff(v.liaison()).isEmpty()) {
        jurisdiction.addStaff(
            v.liaison(),
            v.liaisonName(),
            Role.VILLAGE_LIAISON,
            new RegionCode(v.code()),
            "demo123");
      }
      List<String[]> people = new ArrayList<>();
      if (v.staffed()) {
        people.add(new String[] {v.liaisonName(), "false", "true"});
      }
      station(
          v.code(),
          StationKind.VILLAGE,
          null,
          v.name() + "退役军人服务站",
          "村〔2020〕1号",
          0,
          county,
          people);
    }
    int assessed = 0;
    for (Village v : VILLAGES) {
      try {
        long id = stations.find(v.code(), StationKind.VILLAGE).orElseThrow().id();
        RegionScope liaison = scope(v.liaison());
        AcceptanceView a = acceptance.open(id, liaison);
        if (a.status() == AcceptanceStatus.SELF) {
          List<ItemScore> scores = new ArrayList<>();
          for (SheetItem i : a.sheet().items()) {
            if (i.kind() == ItemKind.SCORED) {
              // the station's own view: full marks but for what it knows is weak
              BigDecimal p =
                  i.code().equals("13") || i.code().equals("46") ? BigDecimal.ZERO : i.points();
              scores.add(new ItemScore(i.code(), p, null, false, null));
            }
          }
          scores.add(ItemScore.bonus("58", 4, "2"));
          acceptance.submitSelfAssessment(
              a.id(),
              scores,
              Map.of("6", "村委会二楼，约30平方米", "13", "暂无独立活动室", "58", "获区级先进集体"),
              liaison);
          assessed++;
        }
      } catch (BusinessRuleException refused) {
        log.info("demo self-assessment of {} not made: {}", v.name(), refused.userMessage());
      }
    }
    log.info("stations demo: registered, {} self-assessments submitted this quarter", assessed);
  }

  private void station(
      String region,
      StationKind kind,
      SpecialKind special,
      String name,
      String founding,
      int posts,
      RegionScope scope,
      List<String[]> staff) {
    if (stations.find(region, kind).isPresent()) {
      return;
    }
    long id =
        stations
            .register(
                new RegisterStation(
                    region,
                    kind,
                    special,
                    name,
                    "泉州市鲤城区",
                    "0595-2251" + region.substring(region.length() - 3),
                    staff.isEmpty() ? null : staff.get(0)[0],
                    founding,
                    posts),
                "演示数据",
                scope)
            .id();
    for (String[] p : staff) {
      stations.addStaff(
          id, p[0], null, Boolean.parseBoolean(p[1]), Boolean.parseBoolean(p[2]), "演示数据", scope);
    }
    if (kind != StationKind.SPECIAL) {
      int year = Formats.chinaDate(java.time.Instant.now()).getYear();
      stations.setFunding(
          id,
          year,
          kind == StationKind.VILLAGE ? new BigDecimal("20000.00") : new BigDecimal("80000.00"),
          "财政预算",
          "演示数据",
          scope);
      stations.setRooms(id, List.of("SERVICE_HALL", "OFFICE", "ARCHIVE"), "演示数据", scope);
    }
  }

  private RegionScope scope(String username) {
    return RegionScope.of(
        jurisdiction
            .staff(username)
            .orElseThrow(() -> new IllegalStateException("demo staff " + username + " missing")));
  }
}
