package org.casework.camunda8;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.migration.converter.ConverterProperties;
import org.camunda.community.migration.converter.ConverterPropertiesFactory;
import org.camunda.community.migration.converter.DiagramCheckResult;
import org.camunda.community.migration.converter.DiagramConverter;
import org.camunda.community.migration.converter.DiagramConverterFactory;

/**
 * Exports the processes for an organisation that licenses Camunda 8: every {@code bpmn/*.bpmn}
 * converted by the Apache-licensed migration converter into {@code <out>/<id>.bpmn}, with the
 * converter's report of what needs work ({@code <out>/conversion-report.md}: every step becomes a
 * job of type {@code camunda-7-adapter} that a job worker must serve). Run by {@code ./casework
 * export-camunda8 [folder]}; not part of the product (test scope only).
 */
public final class Camunda8Export {

  private Camunda8Export() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/camunda8");
    List<Path> written = export(Path.of("bpmn"), out);
    System.out.println(
        "exported "
            + written.size()
            + " processes to "
            + out.toAbsolutePath()
            + " (see conversion-report.md there)");
  }

  /** Converts every BPMN file of {@code bpmnDir} into {@code out}; returns the files written. */
  public static List<Path> export(Path bpmnDir, Path out) throws IOException {
    DiagramConverter converter = DiagramConverterFactory.getInstance().get();
    ConverterProperties properties = ConverterPropertiesFactory.getInstance().get();
    Files.createDirectories(out);
    List<DiagramCheckResult> checks = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(bpmnDir, "*.bpmn")) {
      for (Path file : files) {
        // check() reads a model of its own: convert() marks the one it converts as Camunda 8
        checks.add(converter.check(file.getFileName().toString(), read(file), properties));
        BpmnModelInstance model = read(file);
        converter.convert(model, properties);
        StringWriter xml = new StringWriter();
        converter.printXml(model.getDocument(), true, xml);
        Path target = out.resolve(file.getFileName());
        Files.writeString(target, xml.toString(), StandardCharsets.UTF_8);
        written.add(target);
      }
    }
    try (Writer report =
        Files.newBufferedWriter(out.resolve("conversion-report.md"), StandardCharsets.UTF_8)) {
      converter.writeMarkdownFile(checks, report);
    }
    return written;
  }

  private static BpmnModelInstance read(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }
}
