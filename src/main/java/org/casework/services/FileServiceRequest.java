package org.casework.services;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A station files a request for a person of the registry ({@code personId}) or by ID number (the
 * person must be registered inside the officer's region).
 */
public record FileServiceRequest(
    Long personId,
    String idNumber,
    @NotBlank(message = "请选择服务项目") String itemCode,
    Long needId,
    @Size(max = 500, message = "说明过长") String note) {}
