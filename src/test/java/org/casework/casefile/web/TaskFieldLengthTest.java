package org.casework.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A text field longer than the engine's string column is refused before the engine sees it. */
class TaskFieldLengthTest {

  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldNameTheFirstFieldOverTheEnginesLimitCountingCharactersNotBytes() throws Exception {
    String fits =
        "𠮷".repeat(TaskSubmissionGuard.Guard.MAX_TEXT); // 4,000 characters, 8,000 UTF-16 units
    String over = "王".repeat(TaskSubmissionGuard.Guard.MAX_TEXT + 1);
    var ok =
        json.createObjectNode()
            .set("visitRecords", json.createObjectNode().put("value", fits).put("type", "String"));
    assertThat(TaskSubmissionGuard.Guard.tooLong(ok)).isEmpty();

    var bad =
        json.createObjectNode()
            .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "approvalDecision", json.createObjectNode().put("value", "APPROVE"))
            .set("visitRecords", json.createObjectNode().put("value", over));
    assertThat(TaskSubmissionGuard.Guard.tooLong(bad)).contains("visitRecords");
    assertThat(TaskSubmissionGuard.Guard.tooLong(json.createObjectNode())).isEmpty();
  }
}
