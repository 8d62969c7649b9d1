package org.casework.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingScrubTest {

  @Test
  void masksIdAndMobileNumbersTypedIntoFreeText() {
    assertThat(Masking.scrub("申请人身份证350502199001011234，电话13912345678，已核实"))
        .isEqualTo("申请人身份证**************1234，电话139****5678，已核实");
    assertThat(Masking.scrub("证号 35050219900101123x 有误")).isEqualTo("证号 **************123x 有误");
  }

  @Test
  void leavesCaseNumbersRegionCodesAmountsAndIdsAlone() {
    String text = "案件 BF-350502-2026-000001，地区 350502001001，金额 ¥13,912.00，支付 DB-139123456789ab";
    assertThat(Masking.scrub(text)).isEqualTo(text);
    assertThat(Masking.scrub(null)).isNull();
  }
}
