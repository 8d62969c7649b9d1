package org.casework.registry;

/** Personal information in full (PIPL): never logged, shown only to the officer handling a case. */
public record PersonalData(String idNumber, String phone, String address) {

  @Override
  public String toString() {
    return "PersonalData[masked]";
  }
}
