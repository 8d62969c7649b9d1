package org.casework.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.casework.attachments.AttachmentOwner;
import org.casework.attachments.Attachments;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.contact.ContactMethod;
import org.casework.contact.ContactProgramme;
import org.casework.contact.NeedKind;
import org.casework.contact.RecordVisit;
import org.casework.contact.VisitView;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的走访: the village liaison's phone page (390 px wide, no sideways scrolling): her contact and
 * visit tasks, looking a person up, recording a contact or visit with a photo taken on the phone
 * (stored as the visit's attachment). The visit completes the person's open contact task, as the
 * Tasklist form would.
 */
@Controller
class LiaisonPage {

  private static final Logger log = LoggerFactory.getLogger(LiaisonPage.class);

  private final WorklistWorkers worklist;
  private final ContactProgramme contact;
  private final Attachments attachments;
  private final Registry registry;
  private final Clock clock;

  LiaisonPage(
      WorklistWorkers worklist,
      ContactProgramme contact,
      Attachments attachments,
      Registry registry,
      Clock clock) {
    this.worklist = worklist;
    this.contact = contact;
    this.attachments = attachments;
    this.registry = registry;
    this.clock = clock;
  }

  @GetMapping("/liaison")
  String page(@RequestParam(required = false) Long person, StaffMember me, Model model) {
    model.addAttribute("tasks", worklist.contactTasks(me));
    model.addAttribute("methods", ContactMethod.values());
    model.addAttribute(
        "needKinds", new NeedKind[] {NeedKind.NONE, NeedKind.SERVICE, NeedKind.LEGAL_AID});
    model.addAttribute("today", LocalDate.now(clock.withZone(Formats.CHINA)).toString());
    if (person != null) {
      try {
        PersonView p = registry.person(person, RegionScope.of(me), "走访登记");
        model.addAttribute("person", p);
      } catch (BusinessRuleException e) {
        model.addAttribute("error", e.userMessage());
      }
    }
    return "pages/liaison";
  }

  @PostMapping("/liaison/visits")
  String record(
      @RequestParam(required = false) Long personId,
      @RequestParam(required = false) ContactMethod method,
      @RequestParam(required = false) LocalDate visitedOn,
      @RequestParam(required = false) String findings,
      @RequestParam(required = false) NeedKind needKind,
      @RequestParam(required = false) String needText,
      @RequestParam(required = false) MultipartFile photo,
      StaffMember me,
      RedirectAttributes redirect) {
    try {
      if (personId == null) {
        throw BusinessRuleException.invalid("VISIT_PERSON", "请先查找并选择走访对象", "no person picked");
      }
      if (method == null || visitedOn == null || findings == null || findings.isBlank()) {
        throw BusinessRuleException.invalid(
            "VISIT_FIELDS", "请填写联系方式、日期和了解到的情况", "visit form incomplete");
      }
      if (findings.length() > 2000 || (needText != null && needText.length() > 1000)) {
        throw BusinessRuleException.invalid("VISIT_TEXT", "情况不能超过2000字，需求说明不能超过1000字", "too long");
      }
      if (photo != null
          && !photo.isEmpty()
          && (photo.getSize() > attachments.maxBytes()
              || photo.getContentType() == null
              || !photo.getContentType().startsWith("image/"))) {
        // checked before the visit is recorded: a refused photo must not leave half a record
        throw BusinessRuleException.invalid(
            "VISIT_PHOTO", "照片须为 JPEG 或 PNG 图片，且不超过大小限制", "photo refused before the visit");
      }
      RegionScope scope = RegionScope.of(me);
      VisitView visit =
          contact.recordVisit(
              new RecordVisit(
                  personId,
                  method,
                  visitedOn,
                  findings,
                  needKind == null ? NeedKind.NONE : needKind,
                  needText,
                  null),
              scope);
      String done = "已登记" + visit.method().label() + "记录";
      if (photo != null && !photo.isEmpty()) {
        PersonView p = registry.person(personId, scope, "走访照片");
        attachments.store(
            AttachmentOwner.VISIT,
            String.valueOf(visit.id()),
            p.villageCode() != null ? p.villageCode() : p.townshipCode(),
            photo.getOriginalFilename() == null ? "photo.jpg" : photo.getOriginalFilename(),
            photo.getBytes(),
            me.username());
        done += "，照片已保存";
      }
      redirect.addFlashAttribute("message", done + "。");
      return "redirect:/liaison";
    } catch (BusinessRuleException e) {
      log.warn("liaison visit refused: {}", e.getMessage());
      redirect.addFlashAttribute("error", e.userMessage());
      return personId == null ? "redirect:/liaison" : "redirect:/liaison?person=" + personId;
    } catch (IOException e) {
      log.warn("liaison photo unreadable: {}", e.getMessage());
      redirect.addFlashAttribute("error", "照片读取失败，请重新拍照上传");
      return "redirect:/liaison";
    }
  }
}
