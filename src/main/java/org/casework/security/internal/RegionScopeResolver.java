package org.casework.security.internal;

import java.util.List;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.security.CurrentOfficer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Controllers declare a {@link RegionScope} (or {@link StaffMember}) parameter and get the
 * logged-in officer's, so they pass it on to the services without depending on Spring Security.
 */
@Configuration
class RegionScopeResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

  // a provider: MVC test slices pick up this configurer without the security services
  private final ObjectProvider<CurrentOfficer> current;

  RegionScopeResolver(ObjectProvider<CurrentOfficer> current) {
    this.current = current;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == RegionScope.class
        || parameter.getParameterType() == StaffMember.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    StaffMember officer = current.getObject().officer();
    return parameter.getParameterType() == StaffMember.class ? officer : RegionScope.of(officer);
  }
}
