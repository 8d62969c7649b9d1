package org.casework.services;

import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * Service requests: each one a casefile case of type SERVICE running bpmn/service-request.bpmn,
 * filed by a station (for a person inside its region) or online by the person (unverified until the
 * station confirms the identity).
 */
public interface ServiceRequests {

  String PROCESS = "service-request";

  /**
   * Files a request at the station; refused in Chinese for a person outside the officer's scope.
   */
  ServiceRequestView file(FileServiceRequest request, RegionScope scope);

  /**
   * A request from the public page. A malformed ID number is a Chinese 400; otherwise the answer is
   * the same whether or not the registry knows the person (a known one starts the process as
   * unverified, an unknown one is kept for the county station to call back).
   */
  String requestOnline(OnlineRequest request, String address);

  ServiceRequestView get(String caseNumber, RegionScope scope);

  /** Open requests of the officer's region and below, oldest first. */
  List<ServiceRequestView> open(RegionScope scope, int limit);

  /**
   * One page ({@code size} at most 100) of the open requests of the officer's region, oldest first.
   */
  List<ServiceRequestView> open(RegionScope scope, int page, int size);

  /** One page of the referred requests whose answer is overdue, most overdue first. */
  List<ServiceRequestView> overdueReferrals(RegionScope scope, int page, int size);

  /**
   * Records the department's answer to a referred request: completes its open 转介部门答复 task as the
   * officer (the same task and checks as in Tasklist; the answer is recorded by the process's next
   * step). Refused in Chinese: outside the officer's scope (403), a bad decision or no text (400),
   * a request that is not waiting for an answer ({@link ServiceErrors#NOT_AWAITING_ANSWER}, 409).
   */
  ServiceRequestView answerReferral(String caseNumber, AnswerReferral answer, RegionScope scope);

  /**
   * <b>Demo data only</b> (refused unless {@code casework.services.demo-backdating}, by default
   * {@code casework.demo-data}, is on): takes a referral request just filed through acceptance as
   * {@code officer} to the referral, then moves its filing, referral, answer deadline, clocks and
   * timers back to {@code referredOn}, so that its answer is overdue (on the cockpit and the
   * station's list) from the start. The history records that the dates were moved for the demo.
   */
  ServiceRequestView referAndBackdateForDemo(
      String caseNumber, java.time.LocalDate referredOn, String officer);

  /** Sort keys of {@link #openPage}: 登记时间 (default, oldest first), 申请编号, 服务对象, 服务项目, 状态. */
  org.casework.common.web.PageParams.Sorting OPEN_SORTING =
      new org.casework.common.web.PageParams.Sorting(
          List.of("filed", "number", "person", "item", "state"), false, 20);

  /** One page of the open requests in the officer's region, sorted as asked. */
  org.casework.common.web.Paged<ServiceRequestView> openPage(
      RegionScope scope, org.casework.common.web.PageParams page);

  /** Referred requests whose department answer is overdue, most overdue first. */
  List<ServiceRequestView> overdueReferrals(RegionScope scope, int limit);

  List<ServiceRequestView> ofPerson(long personId, RegionScope scope);

  /** Online requests the registry could not match, for the county station to call back. */
  List<UnmatchedOnlineRequest> unmatched(RegionScope scope, int limit);
}
