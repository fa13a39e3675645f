package io.naaplake.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.naaplake.jobs.report.render.CsvRenderer;
import io.naaplake.jobs.report.render.HtmlRenderer;
import io.naaplake.jobs.report.render.MarkdownRenderer;
import io.naaplake.jobs.report.render.SvgCharts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RenderersTest {
  private static final String HOSTILE = "<script>alert('x')</script> | a,b \"q\"\nline";

  private static ReportTable table() {
    return ReportTable.builder("fees", "Fees & <more>")
        .column("who", "Who")
        .column("wei", "Expected (wei)")
        .column("score", "SLA")
        .row(
            List.of(
                Cell.text(HOSTILE),
                // decimal(38,10) as gold stores expected fees: the hand-computed value.
                Cell.wei(new BigDecimal("16800000007200.0000000000")),
                Cell.of(85.0, Format.SCORE)))
        .row(List.of(Cell.text("none"), Cell.wei(null), Cell.of(null, Format.SCORE)))
        .build();
  }

  private static Report report() {
    Chart bars =
        Chart.bar("Scores <b>", "score", List.of("0xabc", "<i>"), Arrays.asList(85.0, null));
    Chart lines =
        Chart.line(
            "Sessions",
            "sessions",
            List.of("00", "01", "02"),
            List.of(new Chart.Series("requested", Arrays.asList(1.0, null, 3.0))));
    ReportSection section =
        new ReportSection(
            "s1",
            "Section <1>",
            List.of("note & " + HOSTILE),
            List.of(bars, lines),
            List.of(table()));
    return new Report(
        new ReportWindow(ReportKind.DAILY, Instant.parse("2026-01-08T00:00:00Z")),
        Instant.parse("2026-01-09T01:00:00Z"),
        List.of(section),
        new Report.Methodology(
            "m1", "g1", new TreeSet<>(List.of("quality-benchmark-v1")), 95, Map.of("gold.x", 7L)));
  }

  @Test
  void weiKeepsEveryDigit() {
    Cell wei = Cell.wei(new BigDecimal("16800000007200.0000000000"));
    assertThat(wei.display()).isEqualTo("16,800,000,007,200");
    assertThat(wei.csv()).isEqualTo("16800000007200");
    // Larger than a long and a double's 17 digits; fractions of a wei kept, not rounded.
    Cell big = Cell.wei(new BigDecimal("123456789012345678901234567.5000000000"));
    assertThat(big.display()).isEqualTo("123,456,789,012,345,678,901,234,567.5");
    assertThat(big.csv()).isEqualTo("123456789012345678901234567.5");
    assertThat(Cell.wei(new BigDecimal("-1000")).display()).isEqualTo("-1,000");
    assertThat(Cell.wei(new BigDecimal("1E+3")).csv()).isEqualTo("1000");
    assertThat(Cell.of(0.25, Format.PERCENT).display()).isEqualTo("25.0 %");
    assertThat(Cell.of(null, Format.COUNT).display()).isEqualTo(Cell.NO_VALUE);
    assertThat(Cell.of(null, Format.COUNT).csv()).isEmpty();
  }

  @Test
  void htmlEscapesAllDataAndIsSelfContained() {
    String html = HtmlRenderer.render(report());
    assertThat(html).doesNotContain("<script>").doesNotContain("<i>").doesNotContain("<b>");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("Fees &amp; &lt;more&gt;").contains("Section &lt;1&gt;");
    assertThat(html).contains("<td class=\"n\">16,800,000,007,200</td>");
    assertThat(html).contains("<td class=\"n\">85.0</td>");
    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:)?//");
    assertThat(html).doesNotContain("<link").doesNotContain("<img").doesNotContain("<script ");
    assertThat(html).contains("<style>").contains("<svg ");
    assertThat(html)
        .contains("<td>gold.x</td><td class=\"n\">7</td>")
        .contains("quality-benchmark-v1");
  }

  @Test
  void svgDrawsValuesAndLeavesGapsForNulls() {
    Chart bars = Chart.bar("t", "u", List.of("a", "b", "c"), Arrays.asList(50.0, null, 100.0));
    String svg = SvgCharts.svg(bars);
    // Two bars (the null has none); the largest fills the plot width (720 - 240 - 120 = 360).
    assertThat(svg.split("<rect ", -1)).hasSize(3);
    assertThat(svg).contains("width=\"360.00\"").contains("width=\"180.00\"");
    assertThat(svg).contains(">b</text>");
    Chart lines =
        Chart.line(
            "t",
            "u",
            List.of("0", "1", "2", "3"),
            List.of(new Chart.Series("s", Arrays.asList(1.0, 2.0, null, 2.0))));
    String path = SvgCharts.svg(lines).replaceAll("(?s).*<path d=\"([^\"]*)\".*", "$1");
    // The null breaks the line: a new M(ove) starts after it instead of an L(ine) through 0.
    assertThat(path).startsWith("M").contains(" L").contains(" M");
    assertThat(path.split(" M")).hasSize(2);
  }

  @Test
  void markdownEscapesTableBreakers() {
    String md = MarkdownRenderer.render(report());
    assertThat(md).contains("| 16,800,000,007,200 | 85.0 |");
    assertThat(md).contains("\\<script\\>alert('x')\\</script\\> \\| a,b \"q\" line");
    assertThat(md).contains("| gold.x | 7 |");
    assertThat(md.lines().filter(l -> l.startsWith("| \\<script"))).hasSize(1);
  }

  @Test
  void csvQuotesAndKeepsExactValues() {
    String csv = CsvRenderer.render(table());
    assertThat(csv)
        .isEqualTo(
            "who,wei,score\n"
                + "\"<script>alert('x')</script> | a,b \"\"q\"\"\nline\",16800000007200,85.0\n"
                + "none,,\n");
  }

  @Test
  void renderingIsDeterministic() {
    assertThat(HtmlRenderer.render(report())).isEqualTo(HtmlRenderer.render(report()));
    assertThat(MarkdownRenderer.render(report())).isEqualTo(MarkdownRenderer.render(report()));
  }
}
