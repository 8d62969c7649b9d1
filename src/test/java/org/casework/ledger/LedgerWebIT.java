package org.casework.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.CsrfByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The reconciliation page, the totals page and the JSON API, on the real MariaDB. */
@ApplicationModuleTest(
    mode = BootstrapMode.DIRECT_DEPENDENCIES,
    extraIncludes = {"common", "security"})
@AutoConfigureMockMvc
@Import(CsrfByDefault.class)
@WithUserDetails(value = "sunli", setupBefore = TestExecutionEvent.TEST_EXECUTION)
@ActiveProfiles("test")
class LedgerWebIT {

  @Autowired MockMvc mvc;
  @Autowired Ledger ledger;
  @Autowired Jurisdiction jurisdiction;

  /** The county approver the requests come from: the region scope of the ledger is theirs. */
  @BeforeEach
  void officer() {
    jurisdiction.addRegion(new RegionCode("350502"), "鲤城区");
    jurisdiction.addRegion(new RegionCode("350502001"), "海滨街道");
    jurisdiction.addStaff("sunli", "孙丽", Role.COUNTY_APPROVER, new RegionCode("350502"), "demo123");
  }

  @Test
  void shouldShowTheMismatchesOfAnUploadedFinanceFileInChinese() throws Exception {
    Disbursement paid = pay("350502001", "600.00");
    String csv =
        "支付编号,金额,状态,日期\n"
            + paid.disbursementId()
            + ",650.00,成功,2026-02-10\nDB-unknown,10.00,成功,2026-02-10\n";
    String location =
        mvc.perform(
                multipart("/ledger/reconciliation")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "finance.csv",
                            "text/csv",
                            csv.getBytes(StandardCharsets.UTF_8)))
                    .param("importedBy", "赵磊"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/ledger/reconciliation/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    mvc.perform(get(location))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("共 2 行，其中 2 行不符")))
        .andExpect(content().string(containsString("台账金额 ¥600.00，银行金额 ¥650.00")))
        .andExpect(content().string(containsString("台账无此支付编号")));
  }

  @Test
  void shouldRefuseAnUploadWithoutFileWithAMessage() throws Exception {
    mvc.perform(multipart("/ledger/reconciliation").param("importedBy", "赵磊"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请选择对账文件（CSV）")));
  }

  @Test
  void shouldRefuseAReversalWithoutReasonThroughTheApi() throws Exception {
    Disbursement paid = pay("350502001", "200.00");
    mvc.perform(
            post("/api/ledger/disbursements/{id}/reversal", paid.disbursementId())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"\",\"recordedBy\":\"sunli\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("请写明冲正或更正的原因")));
    mvc.perform(
            post("/api/ledger/disbursements/{id}/reversal", paid.disbursementId())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"误发\",\"recordedBy\":\"sunli\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.entryType").value("REVERSAL"))
        .andExpect(jsonPath("$.amount").value(-200.00));
  }

  @Test
  void shouldShowTotalsAndExportThemAsAnExcelFile() throws Exception {
    String township = "350502001";
    String period = "T" + ThreadLocalRandom.current().nextInt(100_000_000);
    pay(township, "300.00", period);
    pay(township, "200.00", period);
    mvc.perform(get("/ledger/totals").param("region", township).param("period", period))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("¥500.00")))
        .andExpect(content().string(containsString("困难帮扶")));
    mvc.perform(get("/api/ledger/totals").param("region", township).param("period", period))
        .andExpect(jsonPath("$[0].payments").value(2))
        .andExpect(jsonPath("$[0].netAmount").value(500.00));
    mvc.perform(get("/ledger/totals.xlsx").param("region", township).param("period", period))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Content-Type",
                    containsString(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
        .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
  }

  private Disbursement pay(String region, String amount) {
    return pay(region, amount, "2026");
  }

  private Disbursement pay(String region, String amount, String period) {
    return ledger.disburse(
        new DisbursementRequest(
            "BF-350502-2026-W" + ThreadLocalRandom.current().nextInt(100_000_000),
            7L,
            Programme.HARDSHIP,
            "HARDSHIP_GRANT",
            period,
            new BigDecimal(amount),
            region));
  }
}
