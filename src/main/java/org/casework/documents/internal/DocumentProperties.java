package org.casework.documents.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of printed documents.
 *
 * @param bureau the issuing bureau printed in the header when a document names no issuer
 * @param fontRegular classpath location of the regular weight of the embedded font
 * @param fontBold classpath location of the bold weight
 */
@ConfigurationProperties("casework.documents")
record DocumentProperties(String bureau, String fontRegular, String fontBold) {

  DocumentProperties {
    bureau = bureau == null || bureau.isBlank() ? "退役军人事务局" : bureau;
    fontRegular = fontRegular == null ? "fonts/400Regular/NotoSansSC_400Regular.ttf" : fontRegular;
    fontBold = fontBold == null ? "fonts/700Bold/NotoSansSC_700Bold.ttf" : fontBold;
  }
}
