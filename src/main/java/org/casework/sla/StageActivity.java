package org.casework.sla;

/**
 * Asked by the clock watch before it warns about a stage clock: is the task the clock stands for
 * still open? A task can end without its end listener running (an interrupting boundary event, a
 * cancelled instance), and its clock must then stop instead of breaching. Implemented by the module
 * that knows the case's process instance (casefile, from the engine's tasks and task history).
 */
public interface StageActivity {

  /** What is known about the stage {@code elementId} of a case. */
  enum Answer {
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

  Answer of(String caseNumber, String elementId);
}
