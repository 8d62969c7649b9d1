package org.casework.stations;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casework.jurisdiction.RegionScope;

/**
 * The station register: every change is checked against the officer's region, needs a reason (the
 * first registration excepted) and is kept in the station's append-only history.
 */
public interface Stations {

  /** Registers a station; the same name in the same region is refused (409). */
  StationSummary register(RegisterStation station, String reason, RegionScope scope);

  /** Stations inside the scope, by region code and kind, with their gaps. */
  List<StationSummary> list(RegionScope scope);

  StationDetail detail(long stationId, RegionScope scope);

  /** The station of a region and kind, if registered (no scope: for other modules and the demo). */
  Optional<StationSummary> find(String regionCode, StationKind kind);

  void changeContact(
      long stationId,
      String contactName,
      String phone,
      String address,
      String reason,
      RegionScope scope);

  void changeFacts(
      long stationId,
      String foundingDocument,
      int establishmentPosts,
      String reason,
      RegionScope scope);

  StationStaff addStaff(
      long stationId,
      String name,
      String position,
      boolean fullTime,
      boolean veteran,
      String reason,
      RegionScope scope);

  void removeStaff(long stationId, long staffId, String reason, RegionScope scope);

  void setFunding(
      long stationId, int year, BigDecimal amount, String source, String reason, RegionScope scope);

  void setRooms(long stationId, List<String> rooms, String reason, RegionScope scope);

  /** The rooms the standards name: code → label, in order. */
  Map<String, String> roomKinds();
}
