package org.casework.citizen;

/** The applicant's own view of a case, without staff login. */
public interface PublicLookup {

  /**
   * Looks a case up for a person who knows its number and the last four characters of the
   * applicant's ID number. An unknown number and a wrong tail give the same answer ({@link
   * LookupAnswer#notMatched()}), after the same work; a number or address with too many misses is
   * refused for a while ({@link LookupAnswer#throttled()}), even with the right tail.
   */
  LookupAnswer lookup(String caseNumber, String idTail, String clientAddress);
}
