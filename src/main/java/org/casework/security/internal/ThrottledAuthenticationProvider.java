package org.casework.security.internal;

import java.time.Clock;
import org.casework.security.AccessDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Spring Security's own username/password check (bcrypt), behind a throttle: a locked account or
 * address is refused before the password is even checked.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

  private final DaoAuthenticationProvider delegate;
  private final LoginThrottle throttle;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ThrottledAuthenticationProvider(
      DaoAuthenticationProvider delegate,
      LoginThrottle throttle,
      ApplicationEventPublisher events,
      Clock clock) {
    this.delegate = delegate;
    this.throttle = throttle;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = LoginThrottle.canonical(authentication.getName());
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails d
            ? d.getRemoteAddress()
            : "unknown";
    if (throttle.isLocked(username, address)) {
      throw new LockedException("locked");
    }
    try {
      Authentication result = delegate.authenticate(authentication);
      throttle.succeeded(username);
      return result;
    } catch (BadCredentialsException | DisabledException e) {
      // a disabled account is answered like a wrong password (the password was checked first,
      // so both take the time of one bcrypt check) and counts as a failure
      if (throttle.failed(username, address)) {
        log.warn("login locked for account {} / address {}", username, address);
        events.publishEvent(
            new AccessDenied(clock.instant(), username, null, "POST", "/login", "连续登录失败，账号或地址已锁定"));
      }
      throw e instanceof BadCredentialsException bad
          ? bad
          : new BadCredentialsException("Bad credentials");
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
