package org.casework.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** 登录 and the 403 page. */
@Controller
class LoginPage {

  @GetMapping("/login")
  String login() {
    return "security/login";
  }

  @RequestMapping("/denied")
  String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    Object message = request.getAttribute("deniedMessage");
    model.addAttribute("deniedMessage", message == null ? "您无权使用此功能" : message);
    return "security/denied";
  }
}
