package org.casework.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text a reader sees in a PDF, for tests. Lines in reading order. PDFBox writes the ToUnicode
 * map of a subset font from the font's cmap, where some ideographs share a glyph with a look-alike
 * radical (人 and ⼈, 页 and ⻚); the extracted text is mapped back: NFKC for the Kangxi radicals and a
 * table for the simplified forms of the radicals supplement, which have no decomposition.
 */
public final class PdfText {

  private PdfText() {}

  public static String of(PDDocument doc) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    String text = Normalizer.normalize(stripper.getText(doc), Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              int i = RADICALS.indexOf(c);
              out.appendCodePoint(
                  i >= 0 ? IDEOGRAPHS.codePointAt(IDEOGRAPHS.offsetByCodePoints(0, i)) : c);
            });
    return out.toString();
  }

  private static final String RADICALS = "⻚⻅⻓⻔⻢⻋⻜⻛⻉⻥⻦⻰⻘⻬⻮⻈⻆⻣⻤⻨⻩⻙⻗⻠";
  private static final String IDEOGRAPHS = "页见长门马车飞风贝鱼鸟龙青齐齿讠角骨鬼麦黄韦雨饣";

  public static String of(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return of(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("not a readable PDF", e);
    }
  }
}
