package org.casework.casefile.internal;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The candidate groups of a user task, for the end listener (whose job does not carry the user
 * task's headers). Read from the same BPMN file the app deploys ({@code bpmn/<process id>.bpmn})
 * and evaluated against the instance's {@code groups} variable; supports the two forms the
 * processes use: {@code =[groups.name, ...]} and a static comma-separated list.
 */
@Component
class TaskCandidateGroups {

  private static final Pattern GROUP_REF = Pattern.compile("groups\\.([A-Za-z0-9_]+)");

  private final Map<String, Map<String, String>> expressions = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> assignees = new ConcurrentHashMap<>();

  /** Whether the user task is assigned by name ({@code zeebe:assignee}) rather than to groups. */
  boolean assignedByName(String processId, String elementId) {
    return assignees.computeIfAbsent(processId, p -> load(p, true)).containsKey(elementId);
  }

  List<String> of(String processId, String elementId, Object groupsVariable) {
    String expression = expressions.computeIfAbsent(processId, p -> load(p, false)).get(elementId);
    if (expression == null || expression.isBlank()) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    if (!expression.startsWith("=")) {
      for (String g : expression.split(",")) {
        if (!g.isBlank()) {
          result.add(g.strip());
        }
      }
      return result;
    }
    Matcher m = GROUP_REF.matcher(expression);
    while (m.find()) {
      if (groupsVariable instanceof Map<?, ?> groups && groups.get(m.group(1)) != null) {
        result.add(groups.get(m.group(1)).toString());
      } else {
        throw new IllegalStateException(
            "candidate group " + m.group(1) + " of " + elementId + " not in variable groups");
      }
    }
    return result;
  }

  private static Map<String, String> load(String processId, boolean assignee) {
    ClassPathResource file = new ClassPathResource("bpmn/" + processId + ".bpmn");
    if (!file.exists()) {
      return Map.of();
    }
    try (InputStream in = file.getInputStream()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      Map<String, String> byElement = new ConcurrentHashMap<>();
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        ZeebeAssignmentDefinition assignment =
            task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
        String value =
            assignment == null
                ? null
                : assignee ? assignment.getAssignee() : assignment.getCandidateGroups();
        if (value != null && !value.isBlank()) {
          byElement.put(task.getId(), value);
        }
      }
      return byElement;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bpmn/" + processId + ".bpmn", e);
    }
  }
}
