package io.naaplake.jobs.gold.diagnostics;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.naaplake.schema.GoldDiagnosticsTables;
import io.naaplake.schema.GoldDiagnosticsTables.MessageClass;
import org.apache.spark.sql.Column;

/**
 * The message classifier of gold.failure_reasons_hourly as a Spark expression: the rules are
 * declared once, in {@link GoldDiagnosticsTables#MESSAGE_CLASSES}, which also writes them into the
 * catalog.
 */
public final class MessageClasses {
  private MessageClasses() {}

  /** The class of a message column: a rule's class, other, or no_message for null or blank. */
  public static Column classify(Column message) {
    Column text = lower(trim(message));
    Column result = when(text.isNull().or(text.equalTo("")), lit(GoldDiagnosticsTables.NO_MESSAGE));
    for (MessageClass rule : GoldDiagnosticsTables.MESSAGE_CLASSES) {
      Column matches = lit(false);
      for (String substring : rule.substrings()) {
        matches = matches.or(text.contains(substring));
      }
      result = result.when(matches, lit(rule.messageClass()));
    }
    return result.otherwise(lit(GoldDiagnosticsTables.OTHER_MESSAGE));
  }

  /** Whether a class (a column holding {@link #classify} output) is an excusable one. */
  public static Column excusable(Column messageClass) {
    return messageClass.isin(
        GoldDiagnosticsTables.MESSAGE_CLASSES.stream()
            .filter(MessageClass::excusable)
            .map(MessageClass::messageClass)
            .toArray());
  }
}
