package org.casework.sla;

/**
 * Asked by the clock watch before it warns about a stage clock: is the task the clock stands for
 * still open? A task can end without its end listener running (an interrupting boundary event, a
 * cancelled instance), and its clock must then stop instead of breaching. Implemented by the module
 * that knows the engine's tasks.
 */
public interface StageActivity {

  /** What is known about the stage {@code elementId} of a case. */
  enum Answer {
    /** A task of the stage is open: the clock is right to run. */
    OPEN,
    /** Every task of the stage has ended (completed or cancelled): the clock should stop. */
    ENDED,
    /** Not known now (task list unreachable or not yet up to date): leave the clock alone. */
    UNKNOWN
  }

  Answer of(String caseNumber, String elementId);
}
