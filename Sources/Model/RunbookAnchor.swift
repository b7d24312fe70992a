/// The fragments of a runbook that other outputs may cite. Each is stable:
/// it depends on an id of the model only, never on a title or a number, so
/// a link such as `README.md#step-save-site-config` keeps working when steps
/// are renamed, added or reordered.
public enum RunbookAnchor {
  /// The anchor of a step's heading: `step-` and its id, for example
  /// `step-save-site-config`. The runbook gives every step's heading this
  /// anchor (`<a id="step-save-site-config"></a>`) besides the one GitHub
  /// derives from the heading's text.
  public static func step(_ id: String) -> String { stepPrefix + id }

  /// What every step's anchor starts with, for a script that names the
  /// anchor of the step it runs: `README.md#step-${CURRENT_STEP}`.
  public static let stepPrefix = "step-"
}
