package org.casework.legalaid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 法律咨询 as logged at a workstation or liaison point: who asked (a name; the registry person when an
 * ID number is given and known), where, the topic, the question and the answer given.
 */
public record LogConsultation(
    @NotBlank(message = "{legalaid.visitor.required}") @Size(max = 64, message = "{field.too.long}")
        String visitorName,
    @Size(max = 18, message = "{registry.idNumber.format}") String idNumber,
    @NotBlank(message = "{registry.township.required}") String townshipCode,
    String villageCode,
    @NotNull(message = "{legalaid.topic.required}") MatterType topic,
    @NotBlank(message = "{legalaid.question.required}")
        @Size(max = 2000, message = "{field.too.long}")
        String question,
    @NotBlank(message = "{legalaid.answer.required}")
        @Size(max = 2000, message = "{field.too.long}")
        String answer,
    @Size(max = 64, message = "{field.too.long}") String loggedBy) {

  public LogConsultation loggedBy(String username) {
    return new LogConsultation(
        visitorName, idNumber, townshipCode, villageCode, topic, question, answer, username);
  }
}
