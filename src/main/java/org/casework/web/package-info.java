/**
 * The pages people use: filing, case lookup and history. Composes the business modules' facades.
 */
package org.casework.web;
