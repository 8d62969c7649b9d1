package org.casework.demo;

import java.util.List;
import org.casework.petition.Channel;
import org.casework.petition.Petitioner;
import org.casework.petition.Petitions;
import org.casework.petition.RegisterPetition;
import org.casework.registry.HouseholdMember;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo for petitions (issue 5): a visit registered by the county petition officer 郑涛 (zhengtao),
 * waiting in the engine's Tasklist for his acceptance decision (review would go to the city), and a
 * letter registered at 海滨街道 by 张伟 (zhangwei), whose review would go to the county (郑涛). Idempotent:
 * a matter that already has a case is not registered again.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class PetitionDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PetitionDemoData.class);

  private final Registry registry;
  private final Petitions petitions;

  PetitionDemoData(Registry registry, Petitions petitions) {
    this.registry = registry;
    this.petitions = petitions;
  }

  @Override
  public void run(ApplicationArguments args) {
    PersonView visitor =
        person("350502196505051213", "方志远", PersonCategory.VETERAN, "350502001", "350502001002");
    register(visitor, Channel.VISIT, "退役安置待遇未落实", "2019年退役后安置待遇至今未落实，请求依政策落实并补发", "zhengtao");
    PersonView writer =
        person("350502197203031312", "柯美玲", PersonCategory.MARTYR_FAMILY, "350502001", null);
    register(writer, Channel.LETTER, "抚恤金发放延迟", "本年度第二、三季度定期抚恤金发放延迟，请求查明原因并按时发放", "zhangwei");
    log.info("petition demo data ready: one visit at the county (zhengtao), one letter at 海滨街道");
  }

  private void register(
      PersonView person, Channel channel, String subject, String requests, String officer) {
    if (!petitions.casesOnMatter(person.id(), subject).isEmpty()) {
      return;
    }
    String id = registry.unmasked(person.id()).idNumber();
    petitions.register(
        new RegisterPetition(
            channel,
            List.of(new Petitioner(id, person.name())),
            1,
            subject,
            requests,
            null,
            officer));
  }

  private PersonView person(
      String draft, String name, PersonCategory category, String township, String village) {
    String id = draft.substring(0, 17) + IdNumber.checkCharacter(draft);
    return registry
        .findByIdNumber(IdNumber.parse(id))
        .orElseGet(
            () ->
                registry.register(
                    new RegisterPerson(
                        id,
                        name,
                        category,
                        township,
                        village,
                        "13900000000",
                        null,
                        List.of(new HouseholdMember("家属", "配偶")))));
  }
}
