/**
 * The app's side of the embedded engine, shared by every module's process adapter: typed variable
 * records, JSON variables, business outcomes as BPMN errors.
 */
package org.casework.common.process;
