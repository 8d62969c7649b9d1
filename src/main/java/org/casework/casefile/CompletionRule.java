package org.casework.casefile;

import java.util.Optional;
import java.util.Set;

/**
 * A programme's own rule on who may complete one of its user tasks (separation of duties, recusal),
 * kept in the programme's package and decided from its own records. The case file asks every rule
 * of the task's process and element when the task is completed: the Tasklist guard before the
 * engine is called (so the officer reads the refusal in Tasklist) and the task listener inside the
 * completion (every other way in). A refused completion changes nothing and is audited like a
 * completion outside the task's groups ({@link TaskCompletionRefused}).
 */
public interface CompletionRule {

  /** The process definition key (the BPMN file name) the rule is for. */
  String processKey();

  /** The element ids of the user tasks the rule applies to. */
  Set<String> taskKeys();

  /** Empty when the attempt may go ahead; otherwise why not, in Chinese. */
  Optional<CompletionRefusal> check(CompletionAttempt attempt);
}
