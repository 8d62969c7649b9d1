package org.casework.contact;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Marks a person as a key contact for {@code reason} since {@code since}. */
public record SetKeyContact(
    @NotNull(message = "请选择重点联系原因") KeyContactReason reason,
    @NotNull(message = "请填写起始日期") @PastOrPresent(message = "起始日期不能晚于今天") LocalDate since,
    @Size(max = 200, message = "说明不能超过200字") String note) {}
