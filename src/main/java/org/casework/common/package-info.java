/** Shared kernel: error type with Chinese user messages, money and date formatting, masking. */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.casework.common;
