package org.casework.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_chain_head")
class ChainHeadEntity {

  static final int ID = 1;

  @Id private Integer id;

  @Column(name = "last_id")
  private long lastId;

  @Column(name = "last_hash")
  private String lastHash;

  protected ChainHeadEntity() {}

  void advance(long entryId, String hash) {
    this.lastId = entryId;
    this.lastHash = hash;
  }

  long getLastId() {
    return lastId;
  }

  String getLastHash() {
    return lastHash;
  }
}
