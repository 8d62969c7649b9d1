package org.casework.security.internal;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one password check of the app: bcrypt against the staff directory behind the login throttle.
 * Used by the app's login form and HTTP Basic, and by the web apps' login form (the same check, the
 * same lock-out), never by the engine.
 */
@Component
class StaffLogin {

  private final ProviderManager manager;

  StaffLogin(
      StaffUserDetailsService users,
      PasswordEncoder passwordEncoder,
      LoginThrottle throttle,
      ApplicationEventPublisher events,
      Clock clock) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(passwordEncoder);
    // the password first, the account's state after: a disabled account costs the same bcrypt
    // check as any other and is refused only when the password was right (then answered alike)
    AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();
    dao.setPreAuthenticationChecks(user -> {});
    dao.setPostAuthenticationChecks(status);
    this.manager =
        new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle, events, clock));
    // failed logins become AbstractAuthenticationFailureEvents (the audit log records them)
    this.manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
  }

  ProviderManager manager() {
    return manager;
  }
}
