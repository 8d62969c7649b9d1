package org.casework.contact;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A new version of one schedule row, valid from {@code validFrom}; earlier plans keep theirs. */
public record ChangeSchedule(
    @NotNull(message = "请填写地区代码") String regionCode,
    @NotNull(message = "请选择对象") Audience audience,
    @NotNull(message = "请选择联系或走访") ContactKind kind,
    @NotNull(message = "请填写生效日期") LocalDate validFrom,
    Integer everyMonths,
    Integer dueDays,
    @NotNull(message = "请填写提前生成待办的天数")
        @Min(value = 1, message = "提前天数应在1到366之间")
        @Max(value = 366, message = "提前天数应在1到366之间")
        Integer openDays,
    @NotBlank(message = "请填写调整原因") @Size(max = 200, message = "调整原因不能超过200字") String reason) {}
