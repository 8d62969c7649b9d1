package org.casework.stations;

import java.math.BigDecimal;

/** 附件2: station, score, contact, phone, remarks. */
public record StatementRow(
    int lineNo,
    String stationName,
    BigDecimal score,
    Boolean passed,
    String contactName,
    String phone,
    String remarks) {}
