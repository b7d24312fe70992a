/// A problem found in a procedure: where it is, what is wrong, what to do.
///
/// Rendered as one line: `error: cml@1.0 step copy-projects [undefined-variable]: ...`.
public struct Diagnostic: Codable, Equatable, Sendable, CustomStringConvertible {
  public enum Severity: String, Codable, Sendable, Comparable {
    case warning, error
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
  }

  public var severity: Severity
  /// The rule that found it, e.g. `undefined-variable`.
  public var rule: String
  /// `cml@1.0`.
  public var procedure: String
  /// The step id, when the problem is in a step.
  public var step: String?
  public var message: String

  public init(
    _ severity: Severity, rule: String, procedure: String, step: String?, _ message: String
  ) {
    self.severity = severity
    self.rule = rule
    self.procedure = procedure
    self.step = step
    self.message = message
  }

  /// One line: `error: cml@1.0 step copy [empty-step]: ...`. Control
  /// characters from the procedure's text (a line break, an escape sequence)
  /// are shown as `\u{1B}`, so a message can never move the cursor, recolour
  /// a terminal or forge a line of its own.
  public var description: String {
    let place = step.map { "\(procedure) step \($0)" } ?? procedure
    return Self.visible("\(severity.rawValue): \(place) [\(rule)]: \(message)")
  }

  static func visible(_ text: String) -> String {
    var shown = ""
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) {
        shown += "\\u{\(String(value, radix: 16, uppercase: true))}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }
}
