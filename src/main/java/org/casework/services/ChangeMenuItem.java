package org.casework.services;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.casework.contact.KeyContactReason;
import org.casework.registry.PersonCategory;

/** A new version of a menu item (or a new item) as an administrator enters it. */
public record ChangeMenuItem(
    @NotBlank(message = "请填写地区") String regionCode,
    @NotBlank(message = "请填写服务项目代码") @Size(max = 32, message = "服务项目代码过长") String code,
    @NotBlank(message = "请填写服务项目名称") @Size(max = 64, message = "服务项目名称过长") String name,
    @NotNull(message = "请选择服务提供方") Provider provider,
    @Size(max = 128, message = "服务提供方名称过长") String providerName,
    List<PersonCategory> categories,
    List<KeyContactReason> keyContactFlags,
    @NotBlank(message = "请写明申请条件（规则名称）") @Size(max = 255, message = "申请条件过长")
        String eligibilityRule,
    @NotBlank(message = "请填写所需材料") @Size(max = 500, message = "所需材料过长") String documents,
    @Min(value = 1, message = "办理时限至少 1 个工作日") @Max(value = 120, message = "办理时限不能超过 120 个工作日")
        int deadlineDays,
    @NotNull(message = "请选择办理方式") ServiceMode mode,
    @NotNull(message = "请选择结果类型") ResultKind resultKind,
    @Size(max = 32, message = "需求类型过长") String needType,
    boolean active,
    @NotBlank(message = "请填写变更理由") @Size(max = 255, message = "变更理由过长") String reason) {}
