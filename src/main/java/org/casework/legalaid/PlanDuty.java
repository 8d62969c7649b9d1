package org.casework.legalaid;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Puts a lawyer on duty on {@code date} and, with {@code weeks} &gt; 1, on the same weekday of the
 * following weeks; a day that is not a working day in the business calendar is skipped (and said).
 */
public record PlanDuty(
    @NotBlank(message = "请填写县（区）代码") @Size(min = 6, max = 6, message = "县（区）代码为6位")
        String countyCode,
    @NotNull(message = "请选择值班日期") LocalDate date,
    @NotBlank(message = "请选择值班律师") String lawyer,
    @Min(value = 1, message = "周数至少为1") @Max(value = 26, message = "一次最多安排26周") int weeks,
    @Size(max = 200, message = "{field.too.long}") String place) {}
