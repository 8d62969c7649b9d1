package org.casework.services;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The department's answer to a referred request, as the station records it: {@code decision}
 * APPROVED (部门同意) or REJECTED (部门不同意), and what the department said (unit, date, reference or the
 * person who answered). The same fields as the form of 转介部门答复 in Tasklist.
 */
public record AnswerReferral(
    @NotBlank(message = "请选择部门答复结果（APPROVED 同意 / REJECTED 不同意）") String decision,
    @NotBlank(message = "请记录部门答复内容（答复单位、日期、文号或经办人）") @Size(max = 500, message = "答复内容不能超过 500 字")
        String note) {}
