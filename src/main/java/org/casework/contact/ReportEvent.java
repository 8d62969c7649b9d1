package org.casework.contact;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A station reports a must-visit event (六必访) of a person: a visit opens at once. */
public record ReportEvent(
    @NotNull(message = "请选择服务对象") Long personId,
    @NotNull(message = "请选择必访事项") MustVisitEvent event,
    @NotNull(message = "请填写发生日期") @PastOrPresent(message = "发生日期不能晚于今天") LocalDate occurredOn,
    @Size(max = 500, message = "情况说明不能超过500字") String note) {}
