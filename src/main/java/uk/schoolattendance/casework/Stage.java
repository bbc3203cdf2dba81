package uk.schoolattendance.casework;

/**
 * The DfE framework's stages (domain notes §2), kept on every case as the variable
 * {@code stage} in kebab-case. A case opens in the stage of its entry level ({@link #ofLevel}) and
 * is in {@link #MONITOR} (the school's monitoring, no level's work) once closed with attendance
 * improved; {@link #EXPECT} is the school's whole-school work before any case.
 */
public enum Stage {
  EXPECT("expect"),
  MONITOR("monitor"),
  LISTEN_AND_UNDERSTAND("listen-and-understand"),
  FACILITATE_SUPPORT("facilitate-support"),
  FORMALISE_SUPPORT("formalise-support"),
  ENFORCE("enforce");

  private final String value;

  Stage(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** The stage a level's work belongs to: 1 listen and understand, 2–3 facilitate support, 4–5 enforce. */
  public static Stage ofLevel(int level) {
    return switch (level) {
      case 1 -> LISTEN_AND_UNDERSTAND;
      case 2, 3 -> FACILITATE_SUPPORT;
      case 4, 5 -> ENFORCE;
      default -> MONITOR;
    };
  }

  public static Stage of(String value) {
    for (Stage stage : values()) {
      if (stage.value.equals(value)) {
        return stage;
      }
    }
    throw new IllegalArgumentException("unknown stage " + value);
  }
}
