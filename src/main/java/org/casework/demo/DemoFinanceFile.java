package org.casework.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.common.BusinessRuleException;
import org.casework.ledger.Disbursement;
import org.casework.ledger.Ledger;
import org.casework.ledger.Programme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's finance file: disbursement ids are made when payments happen, so the template in
 * {@code demo/finance-sample.csv} is filled with the latest condolence payments on download. The
 * mismatches are planted by the template, not by this code.
 */
@RestController
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class DemoFinanceFile {

  static final String TEMPLATE = "demo/finance-sample.csv";
  private static final Pattern TOKEN = Pattern.compile("\\{\\{(id|amount)(\\d+)(\\+\\d+)?}}");

  private final Ledger ledger;

  DemoFinanceFile(Ledger ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/demo/finance-sample.csv")
  ResponseEntity<byte[]> sample() throws IOException {
    String template = new ClassPathResource(TEMPLATE).getContentAsString(StandardCharsets.UTF_8);
    String csv = render(template, ledger.recentPayments(Programme.CONDOLENCE, 20));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("finance-sample.csv").build().toString())
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }

  /** Fills {@code {{idN}}}, {@code {{amountN}}} and {@code {{amountN+X}}}; drops # comments. */
  static String render(String template, List<Disbursement> payments) {
    StringBuilder out = new StringBuilder();
    for (String line : template.split("\\R")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher m = TOKEN.matcher(line);
      StringBuilder rendered = new StringBuilder();
      while (m.find()) {
        int n = Integer.parseInt(m.group(2));
        if (n > payments.size()) {
          throw BusinessRuleException.conflict(
              "DEMO_PAYMENTS_MISSING",
              "示例财务文件需要至少 " + n + " 笔关怀慰问支付：请先在 Tasklist 中完成演示活动的走访登记",
              "only " + payments.size() + " condolence payments");
        }
        Disbursement d = payments.get(n - 1);
        String value =
            m.group(1).equals("id")
                ? d.disbursementId()
                : d.amount()
                    .add(
                        m.group(3) == null
                            ? BigDecimal.ZERO
                            : new BigDecimal(m.group(3).substring(1)))
                    .toPlainString();
        m.appendReplacement(rendered, Matcher.quoteReplacement(value));
      }
      m.appendTail(rendered);
      out.append(rendered).append('\n');
    }
    return out.toString();
  }
}
