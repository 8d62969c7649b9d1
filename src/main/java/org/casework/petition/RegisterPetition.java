package org.casework.petition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One letter, visit, call or online message as registered (登记). The first petitioner is the lead
 * and must be in the registry (ID number); the others may be names only. For a visit the listed
 * petitioners are the people who came: a group chooses representatives, at most as many as the
 * region's rule allows (default 5).
 *
 * @param matterKey what makes two petitions "the same matter" for this petitioner; empty = the
 *     subject (whitespace and punctuation ignored)
 * @param newLead the lead petitioner's registry data when they are not registered yet (the lead is
 *     then registered with the first petitioner's name and ID number); null or empty (the page's
 *     section left blank): the lead must be in the registry
 */
public record RegisterPetition(
    @NotNull(message = "{petition.channel.required}") Channel channel,
    @NotEmpty(message = "{petition.petitioners.required}")
        @Size(max = 50, message = "{petition.petitioners.tooMany}")
        @Valid
        List<Petitioner> petitioners,
    @NotNull(message = "{petition.groupSize.required}")
        @Min(value = 1, message = "{petition.groupSize.range}")
        @Max(value = 10000, message = "{petition.groupSize.range}")
        Integer groupSize,
    @NotBlank(message = "{petition.subject.required}")
        @Size(max = 200, message = "{field.too.long}")
        String subject,
    @NotBlank(message = "{petition.requests.required}")
        @Size(max = 1000, message = "{field.too.long}")
        String requests,
    @Size(max = 200, message = "{field.too.long}") String matterKey,
    /** The registering officer: pages and APIs set it from the login, never from input. */
    @Size(max = 64, message = "{field.too.long}") String registeredBy,
    @Valid NewPetitioner newLead) {

  /** A petition whose lead petitioner is registered already. */
  public RegisterPetition(
      Channel channel,
      List<Petitioner> petitioners,
      Integer groupSize,
      String subject,
      String requests,
      String matterKey,
      String registeredBy) {
    this(channel, petitioners, groupSize, subject, requests, matterKey, registeredBy, null);
  }

  public RegisterPetition {
    petitioners =
        petitioners == null
            ? null
            : petitioners.stream()
                .filter(
                    p ->
                        p != null
                            && !((p.idNumber() == null || p.idNumber().isBlank())
                                && (p.name() == null || p.name().isBlank())))
                .toList();
  }

  /** A new lead petitioner's data was given (not only an empty section of the page). */
  public boolean hasNewLead() {
    return newLead != null && !newLead.isEmpty();
  }

  public RegisterPetition registeredBy(String username) {
    return new RegisterPetition(
        channel, petitioners, groupSize, subject, requests, matterKey, username, newLead);
  }
}
