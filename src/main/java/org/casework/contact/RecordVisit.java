package org.casework.contact;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A contact or visit record: how, when, what was found and what is needed; {@code hardship} holds
 * the facts a hardship application needs when {@code needKind} is {@link NeedKind#HARDSHIP}.
 */
public record RecordVisit(
    @NotNull(message = "请选择服务对象") Long personId,
    @NotNull(message = "请选择联系方式") ContactMethod method,
    @NotNull(message = "请填写联系日期") @PastOrPresent(message = "联系日期不能晚于今天") LocalDate visitedOn,
    @NotBlank(message = "请填写了解到的情况") @Size(max = 2000, message = "情况不能超过2000字") String findings,
    @NotNull(message = "请选择需求类型") NeedKind needKind,
    @Size(max = 1000, message = "需求说明不能超过1000字") String needText,
    @Valid HardshipNeed hardship) {}
