package org.casework.casefile;

import java.time.Instant;

/**
 * A notice written for the applicant and how far its delivery got ({@code deliveryState}: PENDING,
 * SENDING, SENT, FAILED; RECORDED for notices written before the channel existed).
 */
public record NoticeView(
    String channel,
    String title,
    String text,
    Instant sentAt,
    String deliveryState,
    Instant deliveredAt) {

  /** The delivery state in Chinese, for pages. */
  public String deliveryLabel() {
    return switch (deliveryState == null ? "" : deliveryState) {
      case "SENT" -> "已发送";
      case "PENDING", "SENDING" -> "待发送";
      case "FAILED" -> "发送失败";
      default -> "已记录";
    };
  }
}
