// Runs epubcheck on many EPUBs in one Java start (a start costs seconds; checking a book, a fraction of one):
// `java -cp /usr/bin/epubcheck EpubcheckBatch.java a.epub b.epub …`. For each file it prints `FILE<TAB>path`, the
// checker's messages, then `RESULT<TAB>path<TAB>fatals<TAB>errors<TAB>warnings`.
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubcheckBatch {
  public static void main(String[] args) {
    System.setErr(System.out);
    for (String path : args) {
      System.out.println("FILE\t" + path);
      DefaultReportImpl report = new DefaultReportImpl(path);
      new EpubCheck(new File(path), report).doValidate();
      System.out.println("RESULT\t" + path + "\t" + report.getFatalErrorCount() + "\t" + report.getErrorCount() + "\t" + report.getWarningCount());
    }
  }
}
