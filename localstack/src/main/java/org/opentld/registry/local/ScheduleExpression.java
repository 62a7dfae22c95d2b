package org.opentld.registry.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge schedule expressions, as far as the function catalogue uses them, evaluated in UTC:
 * {@code rate(value unit)} (minute/minutes, hour/hours, day/days; singular exactly for 1, as
 * EventBridge insists) and {@code cron(minutes hours day-of-month month day-of-week year)} with
 * {@code *}, {@code ?}, numbers, ranges {@code a-b}, lists {@code a,b}, steps {@code a/n} and
 * {@code *}{@code /n}, month names JAN-DEC and day names SUN-SAT (1 = Sunday). One of day-of-month
 * and day-of-week must be {@code ?}. {@code L}, {@code W} and {@code #} are refused with a clear
 * message rather than misread.
 */
public sealed interface ScheduleExpression
    permits ScheduleExpression.Rate, ScheduleExpression.Cron {
  /** The first fire time strictly after {@code after} (a rate counts from {@code after}). */
  Instant next(Instant after);

  /** Parses an expression; an unsupported or malformed one is an IllegalArgumentException. */
  static ScheduleExpression parse(String expression) {
    String e = expression.strip();
    if (e.startsWith("rate(") && e.endsWith(")")) {
      return Rate.parse(e.substring(5, e.length() - 1).strip());
    }
    if (e.startsWith("cron(") && e.endsWith(")")) {
      return Cron.parse(e.substring(5, e.length() - 1).strip());
    }
    throw new IllegalArgumentException(
        "schedule expression must be rate(...) or cron(...): " + expression);
  }

  /** A fixed interval. */
  record Rate(Duration every) implements ScheduleExpression {
    private static final Pattern FORM =
        Pattern.compile("(\\d+)\\s+(minute|minutes|hour|hours|day|days)");

    static Rate parse(String body) {
      Matcher m = FORM.matcher(body);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "rate must be 'N minutes|hours|days': rate(" + body + ")");
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2);
      if (n < 1 || (n == 1) != !unit.endsWith("s")) {
        throw new IllegalArgumentException(
            "rate(" + body + "): use the singular unit for 1 and the plural otherwise");
      }
      Duration d =
          switch (unit.replaceAll("s$", "")) {
            case "minute" -> Duration.ofMinutes(n);
            case "hour" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      return new Rate(d);
    }

    @Override
    public Instant next(Instant after) {
      return after.plus(every);
    }
  }

  /** A cron schedule, evaluated minute by minute in UTC. */
  record Cron(
      BitSet minutes,
      BitSet hours,
      BitSet daysOfMonth,
      BitSet months,
      BitSet daysOfWeek,
      BitSet years,
      boolean anyDayOfMonth,
      boolean anyDayOfWeek)
      implements ScheduleExpression {
    private static final Map<String, Integer> MONTHS =
        Map.ofEntries(
            Map.entry("JAN", 1),
            Map.entry("FEB", 2),
            Map.entry("MAR", 3),
            Map.entry("APR", 4),
            Map.entry("MAY", 5),
            Map.entry("JUN", 6),
            Map.entry("JUL", 7),
            Map.entry("AUG", 8),
            Map.entry("SEP", 9),
            Map.entry("OCT", 10),
            Map.entry("NOV", 11),
            Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS =
        Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5, "FRI", 6, "SAT", 7);
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 2199;

    static Cron parse(String body) {
      String[] f = body.split("\\s+");
      if (f.length != 6) {
        throw new IllegalArgumentException(
            "cron needs 6 fields (minutes hours day-of-month month day-of-week year): cron("
                + body
                + ")");
      }
      boolean anyDom = f[2].equals("?");
      boolean anyDow = f[4].equals("?");
      if (anyDom == anyDow) {
        throw new IllegalArgumentException(
            "cron(" + body + "): exactly one of day-of-month and day-of-week must be '?'");
      }
      return new Cron(
          field(f[0], 0, 59, Map.of(), "minutes"),
          field(f[1], 0, 23, Map.of(), "hours"),
          anyDom ? all(1, 31) : field(f[2], 1, 31, Map.of(), "day-of-month"),
          field(f[3], 1, 12, MONTHS, "month"),
          anyDow ? all(1, 7) : field(f[4], 1, 7, DAYS, "day-of-week"),
          field(f[5], MIN_YEAR, MAX_YEAR, Map.of(), "year"),
          anyDom,
          anyDow);
    }

    private static BitSet all(int lo, int hi) {
      BitSet b = new BitSet();
      b.set(lo, hi + 1);
      return b;
    }

    private static BitSet field(
        String text, int lo, int hi, Map<String, Integer> names, String what) {
      if (text.equals("?")) {
        throw new IllegalArgumentException("'?' is only for day-of-month or day-of-week");
      }
      BitSet out = new BitSet();
      for (String part : text.split(",")) {
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
          range = part.substring(0, slash);
          step = number(part.substring(slash + 1), 1, hi, Map.of(), what);
        }
        int from;
        int to;
        if (range.equals("*")) {
          from = lo;
          to = hi;
        } else if (range.contains("-")) {
          String[] ab = range.split("-", 2);
          from = number(ab[0], lo, hi, names, what);
          to = number(ab[1], lo, hi, names, what);
          if (to < from) {
            throw new IllegalArgumentException(what + " range '" + range + "' runs backwards");
          }
        } else {
          from = number(range, lo, hi, names, what);
          to = slash >= 0 ? hi : from;
        }
        for (int v = from; v <= to; v += step) {
          out.set(v);
        }
      }
      return out;
    }

    private static int number(String s, int lo, int hi, Map<String, Integer> names, String what) {
      Integer named = names.get(s.toUpperCase(Locale.ROOT));
      int v;
      if (named != null) {
        v = named;
      } else if (s.matches("\\d{1,4}")) {
        v = Integer.parseInt(s);
      } else if (s.matches(".*[LW#].*")) {
        throw new IllegalArgumentException(
            what + " '" + s + "': L, W and # are not supported by the local scheduler");
      } else {
        throw new IllegalArgumentException(what + " value '" + s + "' is not understood");
      }
      if (v < lo || v > hi) {
        throw new IllegalArgumentException(what + " value " + v + " is outside " + lo + "-" + hi);
      }
      return v;
    }

    @Override
    public Instant next(Instant after) {
      LocalDateTime t =
          LocalDateTime.ofInstant(after, ZoneOffset.UTC)
              .truncatedTo(ChronoUnit.MINUTES)
              .plusMinutes(1);
      while (t.getYear() <= MAX_YEAR) {
        if (!years.get(t.getYear())) {
          t = LocalDateTime.of(t.getYear() + 1, 1, 1, 0, 0);
        } else if (!months.get(t.getMonthValue())) {
          t = t.withDayOfMonth(1).toLocalDate().plusMonths(1).atStartOfDay();
        } else if (!dayMatches(t)) {
          t = t.toLocalDate().plusDays(1).atStartOfDay();
        } else if (!hours.get(t.getHour())) {
          t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        } else if (!minutes.get(t.getMinute())) {
          t = t.plusMinutes(1);
        } else {
          return t.toInstant(ZoneOffset.UTC);
        }
      }
      throw new IllegalStateException("cron schedule never fires again after " + after);
    }

    private boolean dayMatches(LocalDateTime t) {
      // java.time: Monday = 1 .. Sunday = 7; EventBridge: Sunday = 1 .. Saturday = 7.
      int dow = t.getDayOfWeek().getValue() % 7 + 1;
      return (anyDayOfMonth || daysOfMonth.get(t.getDayOfMonth()))
          && (anyDayOfWeek || daysOfWeek.get(dow));
    }
  }
}
