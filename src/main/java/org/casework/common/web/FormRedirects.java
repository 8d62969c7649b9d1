package org.casework.common.web;

import java.util.function.Supplier;
import org.casework.common.BusinessRuleException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post-redirect-get for a page's form: runs the action, flashes its Chinese message as {@code
 * message} or a refusal's user message as {@code error}, and redirects to the page either way.
 */
public final class FormRedirects {

  private FormRedirects() {}

  /** The action returns the message shown after the redirect; a refusal shows its own. */
  public static String flash(RedirectAttributes redirect, String target, Supplier<String> action) {
    try {
      redirect.addFlashAttribute("message", action.get());
    } catch (BusinessRuleException refused) {
      redirect.addFlashAttribute("error", refused.userMessage());
    }
    return "redirect:" + target;
  }
}
