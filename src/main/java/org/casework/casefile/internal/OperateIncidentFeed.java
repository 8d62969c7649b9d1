package org.casework.casefile.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Operate's v1 API (8.6): {@code POST /v1/incidents/search} for the active incidents and, per
 * incident, {@code POST /v1/flownode-instances/search} for the element it stopped at (the incident
 * itself carries no element in 8.6).
 */
@Component
class OperateIncidentFeed implements IncidentFeed {

  private final CamundaWebSession operate;

  OperateIncidentFeed(TasklistProperties props, ObjectMapper json) {
    this.operate = new CamundaWebSession(props, json, "Operate");
  }

  @Override
  public List<Incident> active(int limit) {
    JsonNode page =
        operate.post(
            "/v1/incidents/search",
            Map.of(
                "filter",
                Map.of("state", "ACTIVE"),
                "size",
                limit,
                "sort",
                List.of(Map.of("field", "creationTime", "order", "DESC"))));
    List<Incident> out = new ArrayList<>();
    for (JsonNode i : page.path("items")) {
      out.add(incident(i));
    }
    return out;
  }

  @Override
  public Optional<Incident> active(long key) {
    JsonNode i = operate.get("/v1/incidents/" + key);
    if (i == null || !"ACTIVE".equals(i.path("state").asText())) {
      return Optional.empty();
    }
    return Optional.of(incident(i));
  }

  private Incident incident(JsonNode i) {
    long key = i.path("key").asLong();
    String elementId = null;
    String elementName = null;
    JsonNode nodes =
        operate.post(
            "/v1/flownode-instances/search",
            Map.of("filter", Map.of("incidentKey", key), "size", 1));
    for (JsonNode n : nodes.path("items")) {
      elementId = n.path("flowNodeId").asText(null);
      elementName = n.path("flowNodeName").asText(null);
    }
    String created = i.path("creationTime").asText(null);
    return new Incident(
        key,
        i.path("processInstanceKey").asLong(),
        i.path("jobKey").isNumber() ? i.path("jobKey").asLong() : null,
        i.path("type").asText("UNKNOWN"),
        i.path("message").asText(""),
        created == null || created.isBlank() ? null : TasklistTaskActors.tasklistTime(created),
        elementId,
        elementName);
  }
}
