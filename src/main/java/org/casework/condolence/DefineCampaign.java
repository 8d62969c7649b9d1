package org.casework.condolence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casework.registry.PersonCategory;

/**
 * A county officer's campaign: which townships, which categories at which amount, the budget line
 * and the deadline for the townships' lists. {@code recentVisitDays}: a person visited (single
 * visit) within that many days before is left out; empty = 30.
 */
public record DefineCampaign(
    @NotBlank(message = "{condolence.campaign.name.required}")
        @Size(max = 100, message = "{field.too.long}")
        String name,
    @NotNull(message = "{condolence.campaign.festival.required}") Festival festival,
    @NotBlank(message = "{condolence.campaign.county.required}") String countyCode,
    @NotEmpty(message = "{condolence.campaign.townships.required}") List<String> townshipCodes,
    @NotEmpty(message = "{condolence.campaign.amounts.required}")
        Map<PersonCategory, BigDecimal> amounts,
    @NotBlank(message = "{condolence.campaign.budgetLine.required}")
        @Size(max = 100, message = "{field.too.long}")
        String budgetLine,
    @NotNull(message = "{condolence.campaign.deadline.required}") LocalDate deadline,
    @Min(value = 0, message = "{condolence.campaign.recentVisitDays}")
        @Max(value = 366, message = "{condolence.campaign.recentVisitDays}")
        Integer recentVisitDays,
    @NotBlank(message = "{condolence.requestedBy.required}")
        @Size(max = 64, message = "{field.too.long}")
        String definedBy) {}
