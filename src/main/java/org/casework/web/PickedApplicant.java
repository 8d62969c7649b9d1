package org.casework.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.PersonView;
import org.casework.registry.PersonalData;
import org.casework.registry.Registry;
import org.casework.security.CurrentOfficer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The applicant picked on a filing form (hidden field {@code applicantPersonId}: 困难帮扶, 法律援助 and the
 * lead petitioner of 信访): the form carries the masked ID number and no phone or address; before the
 * form is bound, the registered person's own ID number, phone and address are put in here, on the
 * server (the person found only inside the officer's region, the use recorded in the audit log).
 * The full values never reach the browser. A typed ID number that is not the masked one wins (a
 * different, new person); a typed phone or address wins over the record.
 */
@Component
class PickedApplicant extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(PickedApplicant.class);

  /** A filing form with a picker: where the person's values go, and why they are used. */
  private record Filing(String idField, String phoneField, String addressField, String reason) {}

  private static final Map<String, Filing> FILINGS =
      Map.of(
          "/applications",
          new Filing("applicant.idNumber", "applicant.phone", "applicant.address", "登记申请时选择已登记人员"),
          "/legal-aid/applications",
          new Filing("applicant.idNumber", "applicant.phone", "applicant.address", "登记申请时选择已登记人员"),
          // the lead petitioner (the first row); the petition takes no phone or address
          "/petitions",
          new Filing("petitioners[0].idNumber", null, null, "登记信访时选择已登记的主要信访人"));

  // looked up per request: a filter bean is also created in web slice tests, without these
  private final ObjectProvider<Registry> registry;
  private final ObjectProvider<AuditLog> audit;
  private final ObjectProvider<CurrentOfficer> current;
  private final ObjectProvider<Clock> clock;

  PickedApplicant(
      ObjectProvider<Registry> registry,
      ObjectProvider<AuditLog> audit,
      ObjectProvider<CurrentOfficer> current,
      ObjectProvider<Clock> clock) {
    this.registry = registry;
    this.audit = audit;
    this.current = current;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"POST".equals(request.getMethod())
        || !FILINGS.containsKey(path)
        || registry.getIfAvailable() == null) {
      return true; // (the parameters of other requests are never read here)
    }
    String picked = request.getParameter("applicantPersonId");
    return picked == null || !picked.matches("\\d{1,18}");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> params = new LinkedHashMap<>(request.getParameterMap());
    try {
      fill(
          params,
          FILINGS.get(request.getRequestURI().substring(request.getContextPath().length())),
          Long.parseLong(request.getParameter("applicantPersonId")),
          current.getObject().officer());
    } catch (BusinessRuleException | org.springframework.security.core.AuthenticationException e) {
      // out of the officer's region (recorded by the registry) or no officer: the form goes on as
      // typed, and the service refuses the masked ID number in Chinese
      log.warn("picked applicant not filled in: {}", e.getMessage());
    }
    chain.doFilter(new Params(request, params), response);
  }

  private void fill(
      Map<String, String[]> params, Filing filing, long personId, StaffMember officer) {
    Registry registry = this.registry.getObject();
    PersonView person = registry.person(personId, RegionScope.of(officer), "登记申请（选择申请人）");
    String typedId = first(params, filing.idField());
    if (!typedId.isBlank() && !typedId.equals(person.maskedIdNumber())) {
      return; // another person typed over the picked one: what was typed stands
    }
    PersonalData data = registry.unmasked(personId);
    audit
        .getObject()
        .record(
            new PersonRecordAccessed(
                AuditKind.PERSONAL_DATA_VIEW,
                clock.getObject().instant(),
                officer.username(),
                officer.role().name(),
                person.villageCode() != null ? person.villageCode() : person.townshipCode(),
                filing.reason(),
                "人员 " + personId,
                "身份证号、电话、住址用于立案"));
    params.put(filing.idField(), new String[] {data.idNumber()});
    if (filing.phoneField() != null
        && first(params, filing.phoneField()).isBlank()
        && data.phone() != null) {
      params.put(filing.phoneField(), new String[] {data.phone()});
    }
    if (filing.addressField() != null
        && first(params, filing.addressField()).isBlank()
        && data.address() != null) {
      params.put(filing.addressField(), new String[] {data.address()});
    }
  }

  private static String first(Map<String, String[]> params, String name) {
    String[] v = params.get(name);
    return v == null || v.length == 0 || v[0] == null ? "" : v[0].strip();
  }

  /** The request with the filled-in parameters. */
  private static final class Params extends HttpServletRequestWrapper {
    private final Map<String, String[]> params;

    Params(HttpServletRequest request, Map<String, String[]> params) {
      super(request);
      this.params = Collections.unmodifiableMap(params);
    }

    @Override
    public String getParameter(String name) {
      String[] v = params.get(name);
      return v == null || v.length == 0 ? null : v[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      return params.get(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return params;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(params.keySet());
    }
  }
}
