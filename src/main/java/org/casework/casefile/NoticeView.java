package org.casework.casefile;

import java.time.Instant;

public record NoticeView(String channel, String text, Instant sentAt) {}
