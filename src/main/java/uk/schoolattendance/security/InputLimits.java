package uk.schoolattendance.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Input the database cannot hold is refused as bad input (400, naming the field), not left to
 * fail as an SQL error (500): a text variable longer than its column (4000 characters), a
 * variable name or a business key longer than 255 characters. Text is data, so a text variable
 * or business key holding expression syntax ({@code ${…}}, {@code #{…}}) or markup ({@code
 * <script>}, any HTML tag, {@code javascript:}) is refused too, and so is a NUL or an unpaired
 * surrogate character (the database or a letter would mangle it). Applies to every way in: the
 * engine REST API, Tasklist, the project's API, and to the processes' own text variables.
 */
@Component
class InputLimits extends AbstractProcessEnginePlugin {

  static final int MAX_TEXT = Inputs.TEXT_MAX;
  static final int MAX_NAME = 255;
  private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?][^>]*>|javascript:", Pattern.CASE_INSENSITIVE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers();
    if (serializers == null) {
      serializers = new ArrayList<>();
      configuration.setCustomPreVariableSerializers(serializers);
    }
    serializers.add(new BoundedStringSerializer());

    ProcessStartListeners.register(configuration, InputLimits::checkBusinessKey);
  }

  static void checkBusinessKey(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && businessKey.length() > MAX_NAME) {
      throw new InvalidInputException("businessKey", "must be at most " + MAX_NAME + " characters");
    }
    checkText("businessKey", businessKey);
  }

  /** Text is data: no expression syntax, no markup (it is shown in webapps and printed on letters). */
  static void checkText(String field, String text) {
    if (text == null) {
      return;
    }
    if (hasNulOrUnpairedSurrogate(text)) {
      throw new InvalidInputException(field, NUL_OR_SURROGATE);
    }
    if (text.contains("${") || text.contains("#{")) {
      throw new InvalidInputException(field, "must not contain an expression (${ or #{)");
    }
    if (MARKUP.matcher(text).find()) {
      throw new InvalidInputException(field, "must not contain HTML or script markup");
    }
  }

  static final String NUL_OR_SURROGATE = "must not contain a NUL or an unpaired surrogate character";

  static boolean hasNulOrUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unpaired =
          Character.isHighSurrogate(c)
              ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
              : Character.isLowSurrogate(c);
      if (c == '\u0000' || unpaired) {
        return true;
      }
    }
    return false;
  }

  /** Camunda's string serializer, refusing what the text column cannot hold. */
  static class BoundedStringSerializer extends StringValueSerializer {
    @Override
    public void writeValue(StringValue value, ValueFields fields) {
      String name = fields.getName();
      if (name != null && name.length() > MAX_NAME) {
        throw new InvalidInputException("variable name", "must be at most " + MAX_NAME + " characters");
      }
      String text = value.getValue();
      if (text != null && text.length() > MAX_TEXT) {
        throw new InvalidInputException(name, "must be at most " + MAX_TEXT + " characters");
      }
      checkText(name, text);
      PersonNames.check(name, text);
      super.writeValue(value, fields);
    }
  }
}
