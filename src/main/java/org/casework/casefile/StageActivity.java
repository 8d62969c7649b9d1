package org.casework.casefile;

/**
 * Whether the task a stage clock stands for is still open. A task can end without its end listener
 * running (an interrupting boundary event, a cancelled instance); its clock must then stop instead
 * of breaching. See {@link CaseFiles#stageActivity}.
 */
public enum StageActivity {
  /** A task of the stage is open: the clock is right to run. */
  OPEN,
  /** No task of the stage is open and one was cancelled: the clock should stop. */
  ENDED,
  /**
   * Not known (no instance, or its tasks were all completed: their completion stops the clock):
   * leave the clock alone.
   */
  UNKNOWN
}
