package org.casework.documents.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Only the documents module and Thymeleaf: rendering needs no database or engine. */
@Configuration(proxyBeanMethods = false)
@Import(HtmlPdfDocuments.class)
public class DocumentsTestConfig {}
