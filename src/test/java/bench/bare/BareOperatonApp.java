package bench.bare;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The benchmark's anchor: bare Operaton (engine + REST API, nothing of casework) running the same
 * hardship BPMN with no-op steps. Outside {@code org.casework}, so no casework component is ever
 * scanned; built as its own jar by {@code bench/bare/pom.xml} (only the Operaton starters, Spring
 * Boot and the JDBC driver on its classpath).
 *
 * <p>Arguments: {@code --port=N --repo=/path/to/casework/checkout}. Database {@code
 * casework_bench_bare} (created by the engine's own schema update), history full, authorization
 * off, no users or groups, job executor on with its defaults, pool of 10 like casework.
 *
 * <p>The BPMN is transformed at start-up ({@link #noOp}): every service task expression becomes
 * {@code ${true}} (asyncBefore and the retry cycle stay, so the engine does the same job hops as in
 * casework), listeners are removed, candidate groups become literal ids, due and follow-up dates
 * are removed. The two business rule tasks stay: their inputs ({@code amount}, {@code
 * townshipLimit}, {@code countersignThreshold}, {@code publicityThreshold}) are start variables;
 * the gateways' {@code emergency} and {@code reviewOutcome} too (in casework the load and review
 * steps write them). The DMN and the forms are deployed unchanged.
 */
@SpringBootApplication
public class BareOperatonApp {

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Logger log = LoggerFactory.getLogger(BareOperatonApp.class);

  public static void main(String[] args) {
    String port = arg(args, "port", "8190");
    String db = arg(args, "db", "casework_bench_bare");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("server.port", port);
    // nullCatalogMeansCurrent: without it the engine finds its tables in another database of the
    // server (Connector/J looks in every catalog) and skips creating them here
    p.put(
        "spring.datasource.url",
        "jdbc:mysql://127.0.0.1:3306/"
            + db
            + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8"
            + "&connectionCollation=utf8mb4_unicode_ci&serverTimezone=UTC&useSSL=false"
            + "&allowPublicKeyRetrieval=true&nullCatalogMeansCurrent=true");
    p.put("spring.datasource.username", "root");
    p.put("spring.datasource.password", "");
    p.put("spring.datasource.hikari.maximum-pool-size", "10");
    p.put("spring.datasource.hikari.transaction-isolation", "TRANSACTION_READ_COMMITTED");
    p.put("operaton.bpm.database.schema-update", "true");
    p.put("operaton.bpm.database.type", "mariadb");
    p.put("operaton.bpm.history-level", "full");
    p.put("operaton.bpm.authorization.enabled", "false");
    p.put("operaton.bpm.auto-deployment-enabled", "false");
    p.put("operaton.bpm.filter.create", "false");
    p.put("operaton.bpm.job-execution.enabled", "true");
    p.put("operaton.bpm.job-execution.deployment-aware", "false");
    p.put(
        "operaton.bpm.generic-properties.properties.default-serialization-format",
        "application/json");
    p.put("operaton.bpm.generic-properties.properties.enforce-history-time-to-live", "false");
    p.put("operaton.bpm.generic-properties.properties.default-number-of-retries", "3");
    p.put("operaton.bpm.generic-properties.properties.hostname", "bare");
    p.put("spring.main.banner-mode", "off");
    SpringApplication app = new SpringApplication(BareOperatonApp.class);
    app.setDefaultProperties(p);
    app.run(args);
  }

  static String arg(String[] args, String name, String fallback) {
    for (String a : args) {
      if (a.startsWith("--" + name + "=")) {
        return a.substring(name.length() + 3);
      }
    }
    String env = System.getenv("BARE_" + name.toUpperCase());
    return env != null ? env : fallback;
  }

  @Bean
  ApplicationRunner deployHardship(RepositoryService repository) {
    return a -> {
      Path repo =
          Path.of(a.getOptionValues("repo") == null ? "." : a.getOptionValues("repo").get(0));
      DeploymentBuilder d =
          repository
              .createDeployment()
              .name("bench-bare")
              .addInputStream(
                  "hardship-assistance.bpmn",
                  new java.io.ByteArrayInputStream(
                      noOp(Files.readAllBytes(repo.resolve("bpmn/hardship-assistance.bpmn")))))
              .addInputStream(
                  "hardship-authority.dmn",
                  Files.newInputStream(repo.resolve("bpmn/hardship-authority.dmn")));
      try (Stream<Path> forms = Files.list(repo.resolve("forms"))) {
        for (Path f :
            forms.filter(f -> f.getFileName().toString().startsWith("hardship-")).toList()) {
          d.addInputStream(f.getFileName().toString(), Files.newInputStream(f));
        }
      }
      log.info("bench-bare: deployed {}", d.deploy().getId());
    };
  }

  /** The no-op copy of a casework BPMN (see the class comment). */
  static byte[] noOp(byte[] bpmn) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(bpmn));
    for (Element e : elements(doc, BPMN, "serviceTask")) {
      if (e.hasAttributeNS(CAMUNDA, "expression")) {
        e.setAttributeNS(CAMUNDA, "camunda:expression", "${true}");
      }
    }
    for (String listener : List.of("executionListener", "taskListener")) {
      for (Element e : elements(doc, CAMUNDA, listener)) {
        e.getParentNode().removeChild(e);
      }
    }
    for (Element e : elements(doc, BPMN, "userTask")) {
      String groups = e.getAttributeNS(CAMUNDA, "candidateGroups");
      if (groups.startsWith("${")) {
        e.setAttributeNS(
            CAMUNDA,
            "camunda:candidateGroups",
            "bench-" + groups.replaceAll("[^A-Za-z0-9.]", "").replace('.', '-'));
      }
      e.removeAttributeNS(CAMUNDA, "dueDate");
      e.removeAttributeNS(CAMUNDA, "followUpDate");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    t.transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }

  private static List<Element> elements(Document doc, String ns, String name) {
    NodeList list = doc.getElementsByTagNameNS(ns, name);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      Node n = list.item(i);
      result.add((Element) n);
    }
    return result;
  }

  static byte[] read(InputStream in) throws IOException {
    return in.readAllBytes();
  }
}
