package org.casework.services.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.casework.common.BusinessRuleException;
import org.casework.contact.NeedOpener;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.Need;
import org.casework.registry.PersonRecords;
import org.casework.registry.RecordNeed;
import org.casework.services.FileServiceRequest;
import org.casework.services.MenuItem;
import org.casework.services.ServiceMenu;
import org.casework.services.ServiceRequestView;
import org.casework.services.ServiceRequests;
import org.springframework.stereotype.Component;

/**
 * A 服务需求 found on a visit files a 菜单式服务 request (a {@code service-request} case) for the person,
 * filed by the liaison who recorded the visit, as the station would file it ({@link
 * ServiceRequests#file}: same scope check, same process). The need goes into the 需求台账 with the
 * visit's number and is the need the request answers. Which menu item: the one of the county's menu
 * in force whose name (the part before “（”) or code the need text names — the longest such name
 * when several do —, else the one item whose 需求台账 type the text names. None or several: refused
 * with the item names, kept on the visit (the liaison or the station then files it by hand).
 */
@Component
class ServiceRequestNeedOpener implements NeedOpener {

  static final String KEY = "SERVICE_REQUEST";

  private final ServiceRequests requests;
  private final ServiceMenu menu;
  private final PersonRecords records;
  private final Jurisdiction jurisdiction;

  ServiceRequestNeedOpener(
      ServiceRequests requests,
      ServiceMenu menu,
      PersonRecords records,
      Jurisdiction jurisdiction) {
    this.requests = requests;
    this.menu = menu;
    this.records = records;
    this.jurisdiction = jurisdiction;
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Opened open(FoundNeed need) {
    RegionScope scope =
        jurisdiction
            .staff(need.recordedBy())
            .map(RegionScope::of)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "visit " + need.visitId() + " recorded by unknown " + need.recordedBy()));
    String text =
        need.needText() == null || need.needText().isBlank() ? need.findings() : need.needText();
    MenuItem item = itemFor(need.townshipCode(), text, need.visitId());
    String description =
        limit(
            "联系走访发现（走访记录 "
                + need.visitId()
                + "，"
                + need.visitedOn()
                + need.method().label()
                + "）："
                + text,
            500);
    Need recorded =
        records.recordNeed(need.personId(), new RecordNeed(item.needType(), description), scope);
    ServiceRequestView request =
        requests.file(
            new FileServiceRequest(
                need.personId(),
                null,
                item.code(),
                recorded.id(),
                limit("走访记录 " + need.visitId() + " 发现的需求：" + text, 500)),
            scope);
    return new Opened(
        "菜单式服务申请（" + item.name() + "）",
        request.caseNumber(),
        "/services/requests/" + request.caseNumber());
  }

  /** The menu item the need text names; a Chinese refusal when it names none or several. */
  MenuItem itemFor(String regionCode, String text, long visitId) {
    List<MenuItem> items = menu.menu(regionCode);
    String t = text == null ? "" : text.toUpperCase(Locale.ROOT);
    List<MenuItem> named =
        items.stream()
            .filter(i -> t.contains(shortName(i)) || t.contains(i.code().toUpperCase(Locale.ROOT)))
            .sorted(Comparator.comparingInt((MenuItem i) -> shortName(i).length()).reversed())
            .toList();
    if (!named.isEmpty()
        && (named.size() == 1
            || shortName(named.get(0)).length() > shortName(named.get(1)).length())) {
      return named.get(0);
    }
    if (named.isEmpty()) {
      List<MenuItem> byType =
          items.stream()
              .filter(i -> !"其他".equals(i.needType()) && t.contains(i.needType()))
              .toList();
      if (byType.size() == 1) {
        return byType.get(0);
      }
    }
    throw BusinessRuleException.invalid(
        "SERVICE_NEED_ITEM",
        "需求说明未写明服务菜单中的一个项目，未能自动登记服务申请；请由服务站登记，或在需求说明中写明项目（"
            + String.join("、", items.stream().map(ServiceRequestNeedOpener::shortName).toList())
            + "）",
        "visit " + visitId + ": need text names " + named.size() + " menu items of " + regionCode);
  }

  private static String shortName(MenuItem item) {
    int paren = item.name().indexOf('（');
    return paren > 0 ? item.name().substring(0, paren) : item.name();
  }

  private static String limit(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
