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
