package org.casework.citizen.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casework.citizen.LookupAnswer;
import org.casework.citizen.PublicLookup;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 办理进度自助查询: the public page (no staff login; permitted in the security module's public list). The
 * form posts with the CSRF token of the visitor's session; the answer never echoes what was typed,
 * so a miss reads the same whichever part was wrong. Its own strict Content-Security-Policy (no
 * script at all, no inline style) and no caching.
 */
@Controller
class PublicLookupPage {

  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final PublicLookup lookup;

  PublicLookupPage(PublicLookup lookup) {
    this.lookup = lookup;
  }

  @GetMapping("/public/lookup")
  String form(HttpServletResponse response) {
    strict(response);
    return "citizen/lookup";
  }

  @PostMapping("/public/lookup")
  String lookUp(
      @RequestParam(name = "caseNumber", required = false) String caseNumber,
      @RequestParam(name = "idTail", required = false) String idTail,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    strict(response);
    LookupAnswer answer = lookup.lookup(caseNumber, idTail, request.getRemoteAddr());
    if (answer.outcome() == LookupAnswer.Outcome.THROTTLED) {
      response.setStatus(429);
    }
    model.addAttribute("answer", answer);
    return "citizen/lookup";
  }

  private static void strict(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
  }
}
