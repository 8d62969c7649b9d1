/**
 * Demo data for a fresh install: 鲤城区 (350502), its stations, staff of every role, people and cases.
 */
package org.casework.demo;
