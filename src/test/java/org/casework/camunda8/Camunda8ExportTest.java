package org.casework.camunda8;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every process converts to a BPMN file that Camunda 8's own model validation accepts. */
class Camunda8ExportTest {

  @Test
  void shouldConvertEveryProcessIntoAValidCamunda8Model(@TempDir Path out) throws Exception {
    List<Path> written = Camunda8Export.export(Path.of("bpmn"), out);

    try (var processes = Files.newDirectoryStream(Path.of("bpmn"), "*.bpmn")) {
      assertThat(written)
          .hasSize(
              (int) java.util.stream.StreamSupport.stream(processes.spliterator(), false).count());
    }
    assertThat(written).hasSizeGreaterThanOrEqualTo(6);
    for (Path file : written) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);
      // every step became a job a Camunda 8 worker can serve
      assertThat(model.getModelElementsByType(ServiceTask.class))
          .allSatisfy(
              task ->
                  assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class))
                      .as("%s in %s", task.getId(), file.getFileName())
                      .isNotNull());
    }
    assertThat(Files.readString(out.resolve("conversion-report.md")))
        .contains("hardship-assistance.bpmn");
  }
}
