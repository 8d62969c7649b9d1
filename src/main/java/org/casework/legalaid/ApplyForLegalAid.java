package org.casework.legalaid;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.casework.registry.RegisterPerson;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A 法律援助 application as taken at a legal-aid workstation or liaison point. The applicant is found
 * in (or added to) the registry by ID number; nothing here asks about petitions: having petitioned
 * is never a ground in this process.
 */
public record ApplyForLegalAid(
    @NotNull(message = "{legalaid.applicant.required}") @Valid RegisterPerson applicant,
    @NotNull(message = "{legalaid.matterType.required}") MatterType matterType,
    @NotBlank(message = "{legalaid.summary.required}")
        @Size(max = 2000, message = "{field.too.long}")
        String matterSummary,
    @NotBlank(message = "{legalaid.opposingParty.required}")
        @Size(max = 200, message = "{field.too.long}")
        String opposingParty,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate hearingDate,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate limitationDate,
    @Size(max = 1000, message = "{field.too.long}") String materialsPresent,
    /** The consultation this application grew out of, if any. */
    Long consultationId,
    /** The filing officer's username: pages and APIs set it from the login, never from input. */
    @Size(max = 64, message = "{field.too.long}") String filedBy) {

  public ApplyForLegalAid filedBy(String username) {
    return new ApplyForLegalAid(
        applicant,
        matterType,
        matterSummary,
        opposingParty,
        hearingDate,
        limitationDate,
        materialsPresent,
        consultationId,
        username);
  }

  public ApplyForLegalAid fromConsultation(long id) {
    return new ApplyForLegalAid(
        applicant,
        matterType,
        matterSummary,
        opposingParty,
        hearingDate,
        limitationDate,
        materialsPresent,
        id,
        filedBy);
  }
}
