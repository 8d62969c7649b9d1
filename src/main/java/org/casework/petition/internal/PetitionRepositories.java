package org.casework.petition.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.casework.petition.Channel;
import org.casework.petition.NoticeKind;
import org.springframework.data.jpa.repository.JpaRepository;

// The petition module's small tables: petitioners, repeats, conflicts, notices.
interface PetitionRepository extends JpaRepository<PetitionEntity, Long> {
  Optional<PetitionEntity> findByCaseNumber(String caseNumber);

  List<PetitionEntity> findByLeadPersonIdAndMatterKeyOrderByIdAsc(
      long leadPersonId, String matterKey);
}

@Entity
@Table(name = "petition_petitioner")
class PetitionerEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "petition_id")
  long petitionId;

  int position;

  @Column(name = "person_id")
  Long personId;

  String name;

  protected PetitionerEntity() {}

  PetitionerEntity(long petitionId, int position, Long personId, String name) {
    this.petitionId = petitionId;
    this.position = position;
    this.personId = personId;
    this.name = name;
  }
}

interface PetitionerRepository extends JpaRepository<PetitionerEntity, Long> {
  List<PetitionerEntity> findByPetitionIdOrderByPositionAsc(long petitionId);
}

@Entity
@Table(name = "petition_repeat")
class RepeatEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "case_number")
  String caseNumber;

  String kind;

  @Enumerated(EnumType.STRING)
  Channel channel;

  @Column(name = "person_id")
  long personId;

  String subject;
  String requests;
  String answer;

  @Column(name = "registered_by")
  String registeredBy;

  @Column(name = "registered_at")
  Instant registeredAt;

  protected RepeatEntity() {}

  RepeatEntity(
      String caseNumber,
      String kind,
      Channel channel,
      long personId,
      String subject,
      String requests,
      String answer,
      String registeredBy,
      Instant registeredAt) {
    this.caseNumber = caseNumber;
    this.kind = kind;
    this.channel = channel;
    this.personId = personId;
    this.subject = subject;
    this.requests = requests;
    this.answer = answer;
    this.registeredBy = registeredBy;
    this.registeredAt = registeredAt;
  }
}

interface RepeatRepository extends JpaRepository<RepeatEntity, Long> {
  List<RepeatEntity> findByCaseNumberOrderByIdAsc(String caseNumber);
}

@Entity
@Table(name = "petition_conflict")
class ConflictEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "case_number")
  String caseNumber;

  String username;
  String reason;

  @Column(name = "marked_by")
  String markedBy;

  @Column(name = "marked_at")
  Instant markedAt;

  protected ConflictEntity() {}

  ConflictEntity(
      String caseNumber, String username, String reason, String markedBy, Instant markedAt) {
    this.caseNumber = caseNumber;
    this.username = username;
    this.reason = reason;
    this.markedBy = markedBy;
    this.markedAt = markedAt;
  }
}

interface ConflictRepository extends JpaRepository<ConflictEntity, Long> {
  Optional<ConflictEntity> findByCaseNumberAndUsername(String caseNumber, String username);

  List<ConflictEntity> findByCaseNumberOrderByIdAsc(String caseNumber);
}

@Entity
@Table(name = "petition_notice")
class PetitionNoticeEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "case_number")
  String caseNumber;

  @Enumerated(EnumType.STRING)
  NoticeKind kind;

  @Column(name = "step_key")
  String stepKey;

  @Column(name = "issued_at")
  Instant issuedAt;

  @Column(name = "deadline_day")
  LocalDate deadlineDay;

  String body;

  protected PetitionNoticeEntity() {}

  PetitionNoticeEntity(
      String caseNumber,
      NoticeKind kind,
      String stepKey,
      Instant issuedAt,
      LocalDate deadlineDay,
      String body) {
    this.caseNumber = caseNumber;
    this.kind = kind;
    this.stepKey = stepKey;
    this.issuedAt = issuedAt;
    this.deadlineDay = deadlineDay;
    this.body = body;
  }
}

interface PetitionNoticeRepository extends JpaRepository<PetitionNoticeEntity, Long> {
  Optional<PetitionNoticeEntity> findByCaseNumberAndStepKey(String caseNumber, String stepKey);

  List<PetitionNoticeEntity> findByCaseNumberOrderByIdAsc(String caseNumber);

  Optional<PetitionNoticeEntity> findFirstByCaseNumberAndKindOrderByIdDesc(
      String caseNumber, NoticeKind kind);
}
