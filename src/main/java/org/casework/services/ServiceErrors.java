package org.casework.services;

/** BPMN error codes of bpmn/service-request.bpmn and refusal codes of the module. */
public final class ServiceErrors {

  public static final String CASE_MISSING = "CASE_MISSING";
  public static final String INVALID_INPUT = "INVALID_INPUT";
  public static final String DECLINED = "DECLINED";

  public static final String NOT_ENTITLED = "SERVICE_NOT_ENTITLED";
  public static final String NO_SUCH_ITEM = "SERVICE_NO_SUCH_ITEM";
  public static final String NOTES_FORBIDDEN = "SERVICE_NOTES_FORBIDDEN";
  public static final String THROTTLED = "SERVICE_ONLINE_THROTTLED";
  public static final String NOT_AWAITING_ANSWER = "SERVICE_NOT_AWAITING_ANSWER";
  public static final String ANSWER_INVALID = "SERVICE_ANSWER_INVALID";
  public static final String TASK_CLAIMED = "SERVICE_TASK_CLAIMED";

  private ServiceErrors() {}
}
