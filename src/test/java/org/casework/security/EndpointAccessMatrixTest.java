package org.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix generated from the application's own handler mappings: every controller
 * endpoint (path × method, and HEAD for every GET) must have an expectation below, or the test
 * fails — a new endpoint without a decision about who may use it fails the build. Then every
 * endpoint is requested anonymously (401 for the API, the login page for pages) and as one member
 * of staff per role: the roles listed get past the filter chain, every other role gets 403.
 *
 * <p>Region scope of the endpoints that take a case, person, payment or region is proven with real
 * data in {@link AccessMatrixTest} and {@link ScopedEndpointsTest}; {@link #REGION} names, for
 * every such endpoint, where (a new endpoint with a path variable must be added there too).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class EndpointAccessMatrixTest {

  static final Set<Role> ALL = EnumSet.allOf(Role.class);
  static final Set<Role> READERS =
      EnumSet.complementOf(EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN));
  static final Set<Role> FILERS = EnumSet.of(Role.VILLAGE_LIAISON, Role.TOWNSHIP_CASEWORKER);
  static final Set<Role> RECEIVERS = EnumSet.of(Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);
  static final Set<Role> DESKS =
      EnumSet.of(Role.LEGAL_AID_OFFICER, Role.TOWNSHIP_CASEWORKER, Role.VILLAGE_LIAISON);
  static final Set<Role> REGISTRARS = EnumSet.of(Role.TOWNSHIP_CASEWORKER, Role.PETITION_OFFICER);
  static final Set<Role> PETITION_HANDLERS =
      EnumSet.of(
          Role.TOWNSHIP_CASEWORKER, Role.TOWNSHIP_HEAD, Role.PETITION_OFFICER, Role.COUNTY_HEAD);
  static final Set<Role> LEDGER_READERS =
      EnumSet.of(Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER, Role.COUNTY_HEAD, Role.AUDITOR);
  static final Set<Role> BOOKERS = EnumSet.of(Role.COUNTY_APPROVER, Role.COUNTY_HEAD);
  static final Set<Role> RECONCILERS = EnumSet.of(Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER);
  static final Set<Role> EXTENDERS =
      EnumSet.of(Role.TOWNSHIP_HEAD, Role.COUNTY_APPROVER, Role.COUNTY_HEAD);
  static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);

  /** Who may use each endpoint. HEAD follows GET and is checked with the GET expectation. */
  static final Map<String, Set<Role>> EXPECTED = new TreeMap<>();

  static {
    // public pages (login and the refusal page): everybody, anonymous too
    EXPECTED.put("GET /login", ALL);
    EXPECTED.put("GET /denied", ALL);
    EXPECTED.put("POST /denied", ALL);
    EXPECTED.put("GET /error", ALL);
    EXPECTED.put("POST /error", ALL);
    // the applicant's own status lookup (citizen module): no login
    EXPECTED.put("GET /public/lookup", ALL);
    EXPECTED.put("POST /public/lookup", ALL);
    // shared pages
    EXPECTED.put("GET /", ALL);
    EXPECTED.put("GET /cases", READERS);
    EXPECTED.put("GET /cases/{caseNumber}", READERS);
    EXPECTED.put("POST /cases/{caseNumber}/personal-data", READERS);
    EXPECTED.put("POST /cases/{caseNumber}/materials", RECEIVERS);
    EXPECTED.put("POST /cases/{caseNumber}/objections", RECEIVERS);
    EXPECTED.put("POST /cases/{caseNumber}/reconsideration", RECEIVERS);
    EXPECTED.put("GET /applications/new", FILERS);
    EXPECTED.put("POST /applications", FILERS);
    // casefile
    EXPECTED.put("GET /api/cases", READERS);
    EXPECTED.put("GET /api/cases/{caseNumber}", READERS);
    EXPECTED.put("GET /api/cases/{caseNumber}/clocks", READERS);
    EXPECTED.put("GET /api/cases/{caseNumber}/officer-notices", READERS);
    EXPECTED.put("POST /api/cases/{caseNumber}/clocks/{clockKey}/extensions", EXTENDERS);
    // assistance
    EXPECTED.put("POST /api/hardship/applications", FILERS);
    EXPECTED.put("POST /api/hardship/cases/{caseNumber}/materials", RECEIVERS);
    EXPECTED.put("POST /api/hardship/cases/{caseNumber}/objections", RECEIVERS);
    EXPECTED.put("POST /api/hardship/cases/{caseNumber}/reconsideration", RECEIVERS);
    EXPECTED.put("GET /api/hardship/cases/{caseNumber}/application", READERS);
    // legal aid
    EXPECTED.put("GET /legal-aid/consultations", DESKS);
    EXPECTED.put("POST /legal-aid/consultations", DESKS);
    EXPECTED.put("GET /legal-aid/applications/new", DESKS);
    EXPECTED.put(
        "GET /legal-aid/roster",
        EnumSet.of(Role.LEGAL_AID_OFFICER, Role.SUPERVISOR, Role.COUNTY_HEAD));
    EXPECTED.put("POST /legal-aid/roster", EnumSet.of(Role.LEGAL_AID_OFFICER));
    EXPECTED.put("POST /legal-aid/roster/{id}/removal", EnumSet.of(Role.LEGAL_AID_OFFICER));
    EXPECTED.put("POST /legal-aid/applications", DESKS);
    EXPECTED.put("POST /api/legal-aid/applications", DESKS);
    EXPECTED.put("POST /api/legal-aid/consultations", DESKS);
    EXPECTED.put("GET /api/legal-aid/consultations", READERS);
    EXPECTED.put("GET /api/legal-aid/consultations/statistics", READERS);
    EXPECTED.put("POST /api/legal-aid/consultations/{id}/application", DESKS);
    EXPECTED.put("GET /api/legal-aid/cases/{caseNumber}", READERS);
    EXPECTED.put("POST /api/legal-aid/cases/{caseNumber}/materials", DESKS);
    EXPECTED.put(
        "POST /api/legal-aid/cases/{caseNumber}/objections", EnumSet.of(Role.LEGAL_AID_OFFICER));
    // condolence
    EXPECTED.put("POST /api/condolence/visits", FILERS);
    EXPECTED.put("GET /api/condolence/visits/{caseNumber}", READERS);
    EXPECTED.put("POST /api/condolence/campaigns", EnumSet.of(Role.COUNTY_CASEWORKER));
    EXPECTED.put("GET /api/condolence/campaigns/{id}", READERS);
    EXPECTED.put("GET /api/condolence/amounts", READERS);
    EXPECTED.put("PUT /api/condolence/amounts/{region}/{trigger}", BOOKERS);
    EXPECTED.put("GET /condolence/campaigns/new", READERS);
    EXPECTED.put("POST /condolence/campaigns", EnumSet.of(Role.COUNTY_CASEWORKER));
    EXPECTED.put("GET /condolence/campaigns/{id}", READERS);
    // audit
    EXPECTED.put("GET /audit", EnumSet.of(Role.AUDITOR));
    EXPECTED.put("POST /audit/checkpoints", EnumSet.of(Role.AUDITOR));
    EXPECTED.put("GET /audit/cases/{caseNumber}", EnumSet.of(Role.AUDITOR));
    EXPECTED.put("GET /audit/cases/{caseNumber}/path", EnumSet.of(Role.AUDITOR));
    EXPECTED.put("GET /audit/cases/{caseNumber}/history.pdf", EnumSet.of(Role.AUDITOR));
    EXPECTED.put("POST /audit/verify", EnumSet.of(Role.AUDITOR));
    EXPECTED.put("GET /audit/processes/{processId}.bpmn", EnumSet.of(Role.AUDITOR));
    // staff administration
    // 三员分立: the three administrators; AdministratorDuties decides what each may do there
    Set<Role> administrators = EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
    EXPECTED.put("GET /admin/staff", administrators);
    EXPECTED.put("POST /admin/staff", administrators);
    EXPECTED.put("POST /admin/staff/{username}/enabled", administrators);
    EXPECTED.put("POST /admin/staff/{username}/assignment", administrators);
    EXPECTED.put("POST /admin/staff/{username}/password", administrators);
    EXPECTED.put("GET /audit/administrators", EnumSet.of(Role.AUDITOR, Role.AUDIT_ADMIN));
    EXPECTED.put("GET /admin/divisions", EnumSet.of(Role.ADMIN));
    EXPECTED.put("POST /admin/divisions", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /admin/divisions/reports/{id}", EnumSet.of(Role.ADMIN));
    // ledger
    EXPECTED.put("GET /api/ledger/cases/{caseNumber}", LEDGER_READERS);
    EXPECTED.put("GET /api/ledger/disbursements/{id}", LEDGER_READERS);
    EXPECTED.put("POST /api/ledger/disbursements/{id}/reversal", BOOKERS);
    EXPECTED.put("POST /api/ledger/disbursements/{id}/correction", BOOKERS);
    EXPECTED.put("GET /api/ledger/duplicates", LEDGER_READERS);
    EXPECTED.put("POST /api/ledger/reconciliations", RECONCILERS);
    EXPECTED.put("GET /api/ledger/reconciliations/{id}", LEDGER_READERS);
    EXPECTED.put("GET /api/ledger/totals", LEDGER_READERS);
    EXPECTED.put("GET /api/ledger/totals.xlsx", LEDGER_READERS);
    EXPECTED.put("GET /ledger/reconciliation", LEDGER_READERS);
    EXPECTED.put("POST /ledger/reconciliation", RECONCILERS);
    EXPECTED.put("GET /ledger/reconciliation/{id}", LEDGER_READERS);
    EXPECTED.put("GET /ledger/totals", LEDGER_READERS);
    EXPECTED.put("GET /ledger/totals.xlsx", LEDGER_READERS);
    // registry
    EXPECTED.put("GET /api/registry/persons/{id}", READERS);
    EXPECTED.put("POST /api/registry/persons/{id}/death", FILERS);
    EXPECTED.put("POST /api/registry/persons/{id}/moved-away", FILERS);
    // petitions
    EXPECTED.put("GET /petitions/new", REGISTRARS);
    EXPECTED.put("POST /petitions", REGISTRARS);
    EXPECTED.put("POST /api/petitions", REGISTRARS);
    EXPECTED.put("GET /api/petitions/{caseNumber}", READERS);
    EXPECTED.put("GET /api/petitions/{caseNumber}/notices", READERS);
    EXPECTED.put("GET /api/petitions/{caseNumber}/notices/{kind}.pdf", READERS);
    EXPECTED.put("POST /api/petitions/{caseNumber}/review-requests", REGISTRARS);
    EXPECTED.put("POST /api/petitions/{caseNumber}/rereview-requests", REGISTRARS);
    EXPECTED.put("POST /api/petitions/{caseNumber}/conflicts", PETITION_HANDLERS);
    EXPECTED.put("POST /api/petitions/{caseNumber}/officer", PETITION_HANDLERS);
    EXPECTED.put("POST /api/petitions/{caseNumber}/linked-cases", PETITION_HANDLERS);
    // calendar and cockpit (sla)
    EXPECTED.put("GET /api/calendar/due", ALL);
    EXPECTED.put("GET /api/calendar/days", ALL);
    EXPECTED.put("GET /api/calendar/years", ALL);
    EXPECTED.put("POST /api/calendar/days", EnumSet.of(Role.ADMIN));
    EXPECTED.put("POST /api/calendar/years", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /calendar/due", ALL);
    EXPECTED.put("GET /sla/cockpit", EnumSet.of(Role.SUPERVISOR));
    EXPECTED.put("POST /sla/cockpit/incidents/{incidentId}/retry", EnumSet.of(Role.SUPERVISOR));
    EXPECTED.put("GET /api/sla/cockpit", EnumSet.of(Role.SUPERVISOR));
    EXPECTED.put("GET /api/sla/cockpit/incidents", EnumSet.of(Role.SUPERVISOR));
    EXPECTED.put("POST /api/sla/cockpit/incidents/{incidentId}/retry", EnumSet.of(Role.SUPERVISOR));
    EXPECTED.put("GET /api/sla/cockpit/townships", EnumSet.of(Role.SUPERVISOR));
    EXPECTED.put("GET /api/sla/cockpit/officers", EnumSet.of(Role.SUPERVISOR));
    EXPECTED.put("GET /api/sla/cockpit/stages", EnumSet.of(Role.SUPERVISOR));
    EXPECTED.put("GET /api/sla/cockpit/export.xlsx", EnumSet.of(Role.SUPERVISOR));
    // people (一人一档) and attachments
    Set<Role> importers = EnumSet.of(Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);
    Set<Role> recorders =
        EnumSet.of(Role.VILLAGE_LIAISON, Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);
    EXPECTED.put("GET /people/import", importers);
    EXPECTED.put("POST /people/import", importers);
    EXPECTED.put("GET /people/import/{id}", importers);
    EXPECTED.put("GET /people/export", importers);
    EXPECTED.put("POST /api/people/imports", importers);
    EXPECTED.put("GET /api/people/imports/{id}", importers);
    EXPECTED.put("POST /people/{id}/statuses", recorders);
    EXPECTED.put("POST /people/{id}/needs", recorders);
    EXPECTED.put("POST /people/{id}/needs/{needId}/answer", recorders);
    EXPECTED.put("POST /people/{id}/household", recorders);
    EXPECTED.put("POST /api/people/{id}/statuses", recorders);
    EXPECTED.put("POST /api/people/{id}/needs", recorders);
    EXPECTED.put("GET /people", READERS);
    EXPECTED.put("GET /people/{id}", READERS);
    EXPECTED.put("GET /api/people", READERS);
    EXPECTED.put("GET /api/people/{id}", READERS);
    Set<Role> attachers =
        EnumSet.of(
            Role.VILLAGE_LIAISON,
            Role.TOWNSHIP_CASEWORKER,
            Role.COUNTY_CASEWORKER,
            Role.LEGAL_AID_OFFICER,
            Role.LEGAL_AID_LAWYER,
            Role.PETITION_OFFICER);
    EXPECTED.put("POST /cases/{caseNumber}/attachments", attachers);
    EXPECTED.put("POST /api/cases/{caseNumber}/attachments", attachers);
    EXPECTED.put("GET /attachments/{id}", READERS);
    // contact programme
    Set<Role> flaggers =
        EnumSet.of(
            Role.VILLAGE_LIAISON,
            Role.TOWNSHIP_CASEWORKER,
            Role.TOWNSHIP_HEAD,
            Role.COUNTY_CASEWORKER);
    Set<Role> coverage =
        EnumSet.of(Role.TOWNSHIP_HEAD, Role.SUPERVISOR, Role.COUNTY_HEAD, Role.ADMIN);
    // reports and satisfaction (region checked by the facades: ReportsTest, SatisfactionTest)
    Set<Role> reportReaders =
        EnumSet.of(
            Role.TOWNSHIP_HEAD,
            Role.COUNTY_CASEWORKER,
            Role.COUNTY_APPROVER,
            Role.COUNTY_HEAD,
            Role.SUPERVISOR,
            Role.AUDITOR);
    EXPECTED.put("GET /reports", reportReaders);
    EXPECTED.put("GET /reports.xlsx", reportReaders);
    EXPECTED.put("GET /reports.pdf", reportReaders);
    EXPECTED.put("GET /api/reports", reportReaders);
    EXPECTED.put("GET /satisfaction", reportReaders);
    EXPECTED.put("GET /api/satisfaction/rates", reportReaders);
    EXPECTED.put(
        "POST /satisfaction/spot-check",
        EnumSet.of(Role.COUNTY_APPROVER, Role.COUNTY_HEAD, Role.SUPERVISOR));
    EXPECTED.put(
        "POST /satisfaction/spot-check/rating",
        EnumSet.of(Role.COUNTY_APPROVER, Role.COUNTY_HEAD, Role.SUPERVISOR));
    EXPECTED.put("GET /contact/coverage", coverage);
    EXPECTED.put("GET /contact/coverage.xlsx", coverage);
    EXPECTED.put("GET /api/contact/coverage", coverage);
    EXPECTED.put("GET /api/contact/schedule", ALL);
    EXPECTED.put("POST /api/contact/schedule", EnumSet.of(Role.ADMIN));
    EXPECTED.put("POST /api/contact/visits", FILERS);
    EXPECTED.put("POST /api/contact/persons/{personId}/key-contact", flaggers);
    EXPECTED.put("DELETE /api/contact/key-contacts/{flagId}", flaggers);
    EXPECTED.put("POST /contact/key-contacts", flaggers);
    EXPECTED.put("POST /contact/key-contacts/{flagId}/clear", flaggers);
    EXPECTED.put("POST /api/contact/events", flaggers);
    EXPECTED.put("POST /contact/events", flaggers);
    EXPECTED.put("GET /contact/key-contacts", READERS);
    EXPECTED.put("GET /api/contact/key-contacts", READERS);
    EXPECTED.put("GET /api/contact/persons/{personId}/key-contact", READERS);
    EXPECTED.put("GET /api/contact/persons/{personId}/visits", READERS);
    EXPECTED.put("GET /api/contact/persons/{personId}/plans", READERS);
    // stations (register, acceptance, statements, spot check, progress)
    Set<Role> stationEditors =
        EnumSet.of(
            Role.TOWNSHIP_CASEWORKER, Role.TOWNSHIP_HEAD, Role.COUNTY_CASEWORKER, Role.COUNTY_HEAD);
    Set<Role> stationLeads =
        EnumSet.of(Role.TOWNSHIP_HEAD, Role.COUNTY_CASEWORKER, Role.COUNTY_HEAD, Role.SUPERVISOR);
    EXPECTED.put("GET /stations", READERS);
    EXPECTED.put("GET /stations/{id}", READERS);
    EXPECTED.put("GET /stations/acceptance/{id}", READERS);
    EXPECTED.put("POST /stations", stationEditors);
    EXPECTED.put("POST /stations/{id}/facts", stationEditors);
    EXPECTED.put("POST /stations/{id}/staff", stationEditors);
    EXPECTED.put("POST /stations/{id}/staff/{staffId}/remove", stationEditors);
    EXPECTED.put("POST /stations/{id}/funding", stationEditors);
    EXPECTED.put("POST /stations/{id}/rooms", stationEditors);
    EXPECTED.put(
        "POST /stations/{id}/acceptance", EnumSet.of(Role.VILLAGE_LIAISON, Role.TOWNSHIP_HEAD));
    EXPECTED.put("POST /stations/acceptance/{id}/evidence", EnumSet.of(Role.VILLAGE_LIAISON));
    EXPECTED.put("POST /stations/acceptance/{id}/self", EnumSet.of(Role.VILLAGE_LIAISON));
    EXPECTED.put("POST /stations/acceptance/{id}/score", EnumSet.of(Role.TOWNSHIP_HEAD));
    EXPECTED.put("POST /stations/statements", EnumSet.of(Role.TOWNSHIP_HEAD));
    EXPECTED.put("POST /stations/acceptance/{id}/correct", EnumSet.of(Role.COUNTY_CASEWORKER));
    EXPECTED.put("POST /stations/acceptance/{id}/finish", EnumSet.of(Role.COUNTY_CASEWORKER));
    EXPECTED.put("POST /stations/spot-check", EnumSet.of(Role.COUNTY_CASEWORKER));
    EXPECTED.put("GET /stations/statements", stationLeads);
    EXPECTED.put("GET /stations/statements/{township}/{period}.xlsx", stationLeads);
    EXPECTED.put("GET /stations/statements/{township}/{period}.pdf", stationLeads);
    EXPECTED.put("GET /stations/progress", stationLeads);
    EXPECTED.put("GET /stations/stars", READERS);
    EXPECTED.put("POST /stations/stars", EnumSet.of(Role.COUNTY_CASEWORKER, Role.COUNTY_HEAD));
    EXPECTED.put("POST /stations/pairs", EnumSet.of(Role.COUNTY_CASEWORKER, Role.COUNTY_HEAD));
    EXPECTED.put("POST /stations/pairs/{pairId}/visits", stationEditors);
    EXPECTED.put("GET /stations/training", READERS);
    EXPECTED.put("POST /stations/training/courses", stationEditors);
    EXPECTED.put("POST /stations/training/courses/{courseId}/attendance", stationEditors);
    EXPECTED.put("POST /stations/training/courses/{courseId}/edit", stationEditors);
    EXPECTED.put("POST /stations/training/courses/{courseId}/delete", stationEditors);
    EXPECTED.put(
        "POST /stations/training/courses/{courseId}/attendance/{staffId}/remove", stationEditors);
    EXPECTED.put("POST /stations/training/certificates", stationEditors);
    Set<Role> teamKeepers = EnumSet.of(Role.VILLAGE_LIAISON);
    teamKeepers.addAll(stationEditors);
    EXPECTED.put("GET /stations/volunteers", READERS);
    EXPECTED.put("GET /stations/volunteers/{teamId}", READERS);
    EXPECTED.put("POST /stations/volunteers", teamKeepers);
    EXPECTED.put("POST /stations/volunteers/{teamId}/members", teamKeepers);
    EXPECTED.put("POST /stations/volunteers/{teamId}/members/{personId}/leave", teamKeepers);
    EXPECTED.put("POST /stations/volunteers/{teamId}/activities", teamKeepers);
    EXPECTED.put("POST /stations/volunteers/{teamId}/activities/{activityId}/edit", teamKeepers);
    EXPECTED.put("POST /stations/volunteers/{teamId}/activities/{activityId}/void", teamKeepers);
    // 菜单式服务 (services): the menu, filing, the station's lists, counselling notes, the public page
    Set<Role> serviceLists =
        EnumSet.of(
            Role.TOWNSHIP_CASEWORKER,
            Role.TOWNSHIP_HEAD,
            Role.COUNTY_CASEWORKER,
            Role.COUNTY_HEAD,
            Role.SUPERVISOR);
    Set<Role> noteReaders =
        EnumSet.of(Role.COUNSELLOR, Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);
    EXPECTED.put("GET /services/menu", ALL);
    EXPECTED.put("POST /services/menu", EnumSet.of(Role.ADMIN));
    EXPECTED.put("GET /services/requests/new", FILERS);
    EXPECTED.put("POST /services/requests", FILERS);
    EXPECTED.put("GET /services/requests", serviceLists);
    EXPECTED.put("GET /services/requests/{caseNumber}", READERS);
    EXPECTED.put("POST /services/requests/{caseNumber}/appointments", RECEIVERS);
    EXPECTED.put("GET /services/appointments/{id}/notes", noteReaders);
    EXPECTED.put("POST /services/appointments/{id}/notes", noteReaders);
    EXPECTED.put("GET /public/services/request", ALL);
    EXPECTED.put("POST /public/services/request", ALL);
    EXPECTED.put("POST /api/services/requests", FILERS);
    EXPECTED.put("GET /api/services/requests", serviceLists);
    EXPECTED.put("GET /api/services/requests/{caseNumber}", READERS);
    EXPECTED.put(
        "POST /api/services/requests/{caseNumber}/referral-answer",
        EnumSet.of(Role.TOWNSHIP_CASEWORKER));
    // pickers of the forms and the village liaison's phone page (issue 20)
    EXPECTED.put("GET /api/pickers/regions", ALL);
    EXPECTED.put("GET /api/pickers/people", READERS);
    EXPECTED.put("GET /api/pickers/people/{id}", READERS);
    EXPECTED.put("GET /liaison", EnumSet.of(Role.VILLAGE_LIAISON));
    EXPECTED.put("POST /liaison/visits", EnumSet.of(Role.VILLAGE_LIAISON));
  }

  /**
   * Endpoints that take a case, person, payment, batch or region, and where their region scope is
   * proven (or why none is needed). A new such endpoint must be added here.
   */
  static final Map<String, String> REGION = new TreeMap<>();

  static {
    String matrix = "AccessMatrixTest (own and other township / county)";
    String scoped = "ScopedEndpointsTest";
    String byHandler = "no personal data of a region: ";
    for (String e : EXPECTED.keySet()) {
      if (e.contains("{caseNumber}")) {
        REGION.put(e, "case scope in the services (CaseFiles.require); " + matrix);
      }
    }
    REGION.put("GET /api/ledger/disbursements/{id}", matrix);
    REGION.put("POST /api/ledger/disbursements/{id}/reversal", matrix);
    REGION.put("POST /api/ledger/disbursements/{id}/correction", matrix);
    REGION.put("GET /api/ledger/duplicates", scoped);
    REGION.put("GET /api/ledger/reconciliations/{id}", scoped);
    REGION.put("GET /ledger/reconciliation/{id}", scoped);
    REGION.put("POST /api/ledger/reconciliations", scoped);
    REGION.put("GET /api/ledger/totals", matrix);
    REGION.put("GET /ledger/totals", matrix + ", the same query as the API");
    REGION.put("POST /api/calendar/days", scoped);
    REGION.put("POST /api/calendar/years", scoped);
    REGION.put("GET /api/registry/persons/{id}", matrix);
    REGION.put("POST /api/registry/persons/{id}/death", matrix);
    REGION.put("POST /api/registry/persons/{id}/moved-away", matrix);
    REGION.put("GET /api/condolence/amounts", matrix);
    REGION.put(
        "PUT /api/condolence/amounts/{region}/{trigger}",
        "condolence amounts: county scope (CondolenceAmountsTest)");
    REGION.put(
        "GET /api/condolence/campaigns/{id}",
        "campaigns are the county's: read by everybody on cases");
    REGION.put(
        "GET /condolence/campaigns/{id}", "campaigns are the county's: read by everybody on cases");
    REGION.put(
        "POST /legal-aid/roster/{id}/removal",
        "duty's county scope in DutyRosterService (DutyRosterTest)");
    REGION.put(
        "POST /api/legal-aid/consultations/{id}/application",
        "consultation scope in LegalAidService (LegalAidProcessTest)");
    REGION.put("POST /admin/staff/{username}/enabled", byHandler + "staff administration");
    REGION.put("POST /admin/staff/{username}/assignment", byHandler + "staff administration");
    REGION.put("POST /admin/staff/{username}/password", byHandler + "staff administration");
    REGION.put(
        "GET /admin/divisions/reports/{id}",
        byHandler + "division import report (DivisionImport.report: the importer's county only)");
    REGION.put("GET /audit/processes/{processId}.bpmn", byHandler + "a process definition");
    REGION.put("POST /sla/cockpit/incidents/{incidentId}/retry", byHandler + "engine incident");
    String people = "person and import scope in the registry (PersonRecordsTest, PeoplePagesTest)";
    for (String e : EXPECTED.keySet()) {
      if (e.contains("/people")
          && (e.contains("{") || e.contains("POST") || e.contains("GET /people"))) {
        REGION.put(e, people);
      }
    }
    REGION.put("GET /attachments/{id}", "attachment scope by its case or visit (AttachmentsTest)");
    String contact = "person, village and flag scope in ContactService (ContactVisitProcessTest)";
    for (String e : EXPECTED.keySet()) {
      if (e.contains("/contact/")
          && (e.contains("{") || e.contains("coverage") || e.contains("POST"))) {
        REGION.put(e, contact);
      }
    }
    REGION.put("POST /api/sla/cockpit/incidents/{incidentId}/retry", byHandler + "engine incident");
    String stations =
        "station, acceptance, township and county scope in the stations services"
            + " (StationAcceptanceProcessTest)";
    for (String e : EXPECTED.keySet()) {
      if (e.contains("/stations")) {
        REGION.put(e, stations);
      }
    }
    String notes = "session notes: the appointment's counsellor or the request's handler only";
    REGION.put("GET /services/appointments/{id}/notes", notes + " (CounsellingNotesTest)");
    REGION.put("POST /services/appointments/{id}/notes", notes + " (CounsellingNotesTest)");
  }

  /** Values for path variables: nothing of them exists, so an allowed request does no harm. */
  static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry("caseNumber", "BF-350502-2026-999999"),
          Map.entry("id", "999999"),
          Map.entry("username", "nobody-matrix"),
          Map.entry("region", DemoRegion.COUNTY),
          Map.entry("trigger", "ILLNESS"),
          Map.entry("kind", "acceptance"),
          Map.entry("incidentId", "42"),
          Map.entry("clockKey", "ACCEPTANCE"),
          Map.entry("processId", "hardship-assistance"),
          Map.entry("personId", "999999"),
          Map.entry("flagId", "999999"),
          Map.entry("needId", "999999"),
          Map.entry("staffId", "999999"),
          Map.entry("pairId", "999999"),
          Map.entry("courseId", "999999"),
          Map.entry("teamId", "999999"),
          Map.entry("activityId", "999999"),
          Map.entry("township", DemoRegion.TOWNSHIP),
          Map.entry("period", "2026Q2"));

  /**
   * Pages for everybody, anonymous too: the login, the refusal page (403 is its status), errors.
   */
  static final Set<String> PUBLIC_PAGES =
      Set.of("/login", "/denied", "/error", "/public/services/request", "/public/lookup");

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired UserDetailsService users;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @BeforeEach
  void setUp() {
    region.ensure();
    for (Role role : Role.values()) {
      jurisdiction.addStaff(username(role), "矩阵" + role.label(), role, regionFor(role), "demo123");
    }
  }

  static String username(Role role) {
    return "em-" + role.name().toLowerCase().replace('_', '-');
  }

  static RegionCode regionFor(Role role) {
    RegionLevel level = role.level() == null ? RegionLevel.COUNTY : role.level();
    return new RegionCode(
        switch (level) {
          case VILLAGE -> DemoRegion.VILLAGE;
          case TOWNSHIP -> DemoRegion.TOWNSHIP;
          default -> DemoRegion.COUNTY;
        });
  }

  /** Every endpoint the application serves, as "METHOD /pattern". */
  Set<String> endpoints() {
    Set<String> all = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (methods.isEmpty()) {
        // a mapping for any method: every method must then be decided
        methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST);
      }
      for (String pattern : info.getPatternValues()) {
        for (RequestMethod m : methods) {
          all.add(m.name() + " " + pattern);
        }
      }
    }
    return all;
  }

  @Test
  void shouldHaveADecisionForEveryEndpointTheApplicationServes() {
    Set<String> served = endpoints();
    Set<String> undecided = new TreeSet<>(served);
    undecided.removeAll(EXPECTED.keySet());
    Set<String> stale = new TreeSet<>(EXPECTED.keySet());
    stale.removeAll(served);
    assertThat(undecided).as("endpoints without an access expectation in this test").isEmpty();
    assertThat(stale).as("expectations for endpoints that no longer exist").isEmpty();
    Set<String> unscoped = new TreeSet<>();
    for (String e : served) {
      boolean takesSomething =
          e.contains("{") || e.endsWith("/duplicates") || e.endsWith("/totals");
      if (takesSomething && !REGION.containsKey(e)) {
        unscoped.add(e);
      }
    }
    assertThat(unscoped)
        .as("endpoints taking an id or region without a proven region scope")
        .isEmpty();
  }

  @Test
  void shouldLetInOnlyTheRolesOfEachEndpointAndSendAnonymousVisitorsToTheLogin() throws Exception {
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (String endpoint : endpoints()) {
      Set<Role> allowed = EXPECTED.get(endpoint);
      if (allowed == null) {
        continue; // reported by the other test
      }
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
      List<String> methods = method.equals("GET") ? List.of("GET", "HEAD") : List.of(method);
      for (String m : methods) {
        boolean isPublic = PUBLIC_PAGES.contains(path);
        // anonymous
        MockHttpServletResponse anonymous = perform(m, path, null);
        cells++;
        if (!isPublic && !refusedAnonymous(path, anonymous)) {
          wrong.add("anonymous " + m + " " + path + " → " + anonymous.getStatus());
        }
        for (Role role : Role.values()) {
          MockHttpServletResponse r = perform(m, path, username(role));
          cells++;
          boolean refused =
              isPublic
                  ? refusedAnonymous("/api" + path, r) || refusedAnonymous(path, r)
                  : r != null && (r.getStatus() == 403 || r.getStatus() == 401);
          if (refused == allowed.contains(role)) {
            wrong.add(
                role
                    + " "
                    + m
                    + " "
                    + path
                    + " → "
                    + (r == null ? "exception" : r.getStatus())
                    + (allowed.contains(role) ? " (should be let in)" : " (should be refused)"));
          }
        }
      }
    }
    assertThat(wrong).as("requests answered against the expectations").isEmpty();
    assertThat(cells).isGreaterThan(EXPECTED.size() * Role.values().length);
  }

  /** 401 for the API, the login page for pages. */
  private static boolean refusedAnonymous(String path, MockHttpServletResponse r) {
    if (r == null) {
      return false;
    }
    if (path.startsWith("/api/")) {
      return r.getStatus() == 401;
    }
    return r.getStatus() == 302
        && r.getRedirectedUrl() != null
        && r.getRedirectedUrl().endsWith("/login");
  }

  /** The response, or null when the handler threw (it was let in). */
  private MockHttpServletResponse perform(String method, String path, String username) {
    MockHttpServletRequestBuilder r =
        request(HttpMethod.valueOf(method), path)
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON);
    if (!method.equals("GET") && !method.equals("HEAD")) {
      r.content("{}");
    }
    if (username != null) {
      r.with(user(users.loadUserByUsername(username)));
    }
    try {
      MvcResult result = mvc.perform(r).andReturn();
      return result.getResponse();
    } catch (Exception e) {
      return null;
    }
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  static String concrete(String pattern) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = SAMPLES.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no sample value for path variable " + m.group(1));
      }
      m.appendReplacement(out, value);
    }
    m.appendTail(out);
    return out.toString();
  }
}
