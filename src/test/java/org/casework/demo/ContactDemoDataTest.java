package org.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.casework.contact.ContactProgramme;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo install as the village liaison 李晓红 sees it in Tasklist: overdue contacts of the demo key
 * contacts of 新华社区. Runs the real demo runners at start-up.
 */
@SpringBootTest(properties = {"casework.demo-data=true", "casework.sla.watch-initial-delay=PT24H"})
@ProcessTest
@ActiveProfiles("test")
class ContactDemoDataTest {

  @Autowired TaskService tasks;
  @Autowired ContactDemoData demo;

  @Test
  void shouldGiveTheVillageLiaisonOverdueContactsOfTheDemoKeyContacts() {
    demo.run(null); // a second run adds nothing
    List<Task> overdue =
        tasks
            .createTaskQuery()
            .processDefinitionKey(ContactProgramme.PROCESS)
            .taskCandidateGroup("village-350502001001-liaison")
            .dueBefore(new Date())
            .list();
    assertThat(overdue)
        .extracting(Task::getName)
        .anyMatch(n -> n.startsWith("联系：郑德福"))
        .anyMatch(n -> n.startsWith("联系：许桂兰"))
        .anyMatch(n -> n.startsWith("联系：杨振华"))
        .noneMatch(n -> n.contains("黄秋菊")); // 中山社区: her own liaison's task
    assertThat(
            tasks
                .createTaskQuery()
                .processDefinitionKey(ContactProgramme.PROCESS)
                .taskCandidateGroup("village-350502001002-liaison")
                .list())
        .extracting(Task::getName)
        .anyMatch(n -> n.contains("黄秋菊"));
  }
}
