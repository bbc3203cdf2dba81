package uk.schoolattendance.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import uk.schoolattendance.engine.EngineZone;
import uk.schoolattendance.schools.CalendarProperties;
import uk.schoolattendance.schools.DateValues;

/**
 * How a Java type is kept in a process variable: {@link #read} turns what the engine holds into
 * the Java value (failing loudly when the variable holds something else), {@link #write} turns
 * the Java value into what the engine stores. Money and calendar days are kept in forms the
 * engine, its REST API and Camunda Forms understand (a Double, an ISO-8601 text) and read back
 * exactly as {@link BigDecimal} and {@link LocalDate}.
 *
 * @param <T> the Java type code works with
 */
public interface VariableType<T> {

  /** The Java value of what the engine holds (null stays null). */
  T read(String name, Object stored);

  /** What the engine stores for the Java value (null stays null). */
  Object write(T value);

  /**
   * Whether the engine already holds exactly what {@link #write} would store for the value (then
   * the variable is not written again; an Integer 80 is not the Double 80.0 a percentage stores).
   */
  default boolean holds(Object stored, T value) {
    return Objects.equals(stored, write(value));
  }

  /** Text: String. */
  VariableType<String> TEXT = new Plain<>(String.class);

  /** A whole number: Integer (a Long or Short the REST API sent is read as Integer when it fits). */
  VariableType<Integer> INTEGER =
      new VariableType<>() {
        @Override
        public Integer read(String name, Object stored) {
          if (stored == null || stored instanceof Integer) {
            return (Integer) stored;
          }
          if (stored instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
              && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
          }
          throw wrongType(name, stored, "a whole number");
        }

        @Override
        public Object write(Integer value) {
          return value;
        }
      };

  /** A number: Double (any Number the engine holds is read as its double value). */
  VariableType<Double> NUMBER =
      new VariableType<>() {
        @Override
        public Double read(String name, Object stored) {
          if (stored == null || stored instanceof Double) {
            return (Double) stored;
          }
          if (stored instanceof Number n) {
            return n.doubleValue();
          }
          throw wrongType(name, stored, "a number");
        }

        @Override
        public Object write(Double value) {
          return value;
        }
      };

  /** True or false: Boolean. */
  VariableType<Boolean> BOOLEAN = new Plain<>(Boolean.class);

  /** A moment: java.util.Date, as the engine's timers and Camunda Forms' dates use. */
  VariableType<Date> DATE =
      new VariableType<>() {
        @Override
        public Date read(String name, Object stored) {
          if (stored == null || stored instanceof Date) {
            return (Date) stored;
          }
          throw wrongType(name, stored, "a date");
        }

        @Override
        public Object write(Date value) {
          return value;
        }
      };

  /**
   * A calendar day in law: {@link LocalDate}, stored as its ISO-8601 text ({@code 2027-05-28}) so
   * that no time zone can move it. A Date written by an earlier version is read as its day in the
   * authority's zone ({@code attendance.calendar.zone}) of the engine running the command ({@link
   * EngineZone}); outside a command, code that has the zone reads with {@link #day(ZoneId)}, and the
   * national default (Europe/London) is the last resort.
   */
  VariableType<LocalDate> DAY = day(null);

  /** {@link #DAY}, a Date written by an earlier version read as its day in {@code zone} (null: the engine's). */
  static VariableType<LocalDate> day(ZoneId zone) {
    return new VariableType<>() {
      @Override
      public LocalDate read(String name, Object stored) {
        if (stored == null || stored instanceof LocalDate) {
          return (LocalDate) stored;
        }
        if (stored instanceof Date date) {
          ZoneId in = zone != null ? zone : EngineZone.ofCurrentCommand().orElse(CalendarProperties.DEFAULT_ZONE);
          return DateValues.toLocalDate(date, in);
        }
        if (stored instanceof String text) {
          try {
            return LocalDate.parse(text);
          } catch (DateTimeParseException e) {
            throw wrongType(name, stored, "a calendar day (yyyy-MM-dd)");
          }
        }
        throw wrongType(name, stored, "a calendar day");
      }

      @Override
      public Object write(LocalDate value) {
        return value == null ? null : value.toString();
      }
    };
  }

  /**
   * An amount in pounds: {@link BigDecimal} with two decimal places in Java, a Double in the
   * engine (the contract's type for amounts, which forms and the REST API send). The Double is
   * converted through its shortest decimal text, so 80.0 is read as exactly 80.00.
   */
  VariableType<BigDecimal> MONEY =
      new VariableType<>() {
        @Override
        public BigDecimal read(String name, Object stored) {
          if (stored == null) {
            return null;
          }
          if (stored instanceof BigDecimal amount) {
            return amount;
          }
          if (stored instanceof Double || stored instanceof Float) {
            return pounds(new BigDecimal(Double.toString(((Number) stored).doubleValue())));
          }
          if (stored instanceof Number n) {
            return pounds(new BigDecimal(n.toString()));
          }
          throw wrongType(name, stored, "an amount in pounds");
        }

        @Override
        public Object write(BigDecimal value) {
          return value == null ? null : value.doubleValue();
        }

        private BigDecimal pounds(BigDecimal amount) {
          return amount.scale() <= 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount;
        }
      };

  /** A Json document (a Spin Json variable), read as a Jackson tree. */
  VariableType<JsonNode> JSON =
      new VariableType<>() {
        @Override
        public JsonNode read(String name, Object stored) {
          return stored == null ? null : Json.parse(name, stored);
        }

        @Override
        public Object write(JsonNode value) {
          return value == null ? null : Json.value(value);
        }

        @Override
        public boolean holds(Object stored, JsonNode value) {
          return stored instanceof org.camunda.spin.json.SpinJsonNode && value != null && value.equals(Json.parse(name(), stored));
        }

        private String name() {
          return "json";
        }
      };

  /** A file (a letter): Camunda's FileValue, read from the variable's typed value. */
  VariableType<FileValue> FILE =
      new VariableType<>() {
        @Override
        public FileValue read(String name, Object stored) {
          if (stored == null || stored instanceof FileValue) {
            return (FileValue) stored;
          }
          throw wrongType(name, stored, "a file");
        }

        @Override
        public Object write(FileValue value) {
          return value;
        }

        @Override
        public boolean holds(Object stored, FileValue value) {
          return false;
        }
      };

  /** Whether a typed value (rather than the plain value) must be read: files. */
  default boolean readsTypedValue() {
    return this == FILE;
  }

  static IllegalStateException wrongType(String name, Object stored, String expected) {
    String held = stored instanceof TypedValue typed ? String.valueOf(typed.getType()) : stored.getClass().getSimpleName();
    return new IllegalStateException("variable " + name + " holds " + held + ", not " + expected);
  }

  /** A type the engine keeps as it is. */
  final class Plain<T> implements VariableType<T> {
    private final Class<T> type;

    Plain(Class<T> type) {
      this.type = type;
    }

    @Override
    public T read(String name, Object stored) {
      if (stored == null || type.isInstance(stored)) {
        return type.cast(stored);
      }
      throw wrongType(name, stored, type.getSimpleName());
    }

    @Override
    public Object write(T value) {
      return value;
    }
  }
}
