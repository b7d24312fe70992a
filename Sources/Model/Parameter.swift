/// An input of the procedure. In the script it is the variable `NAMESPACE`,
/// set by the flag `--namespace mlx` or the environment (`NAMESPACE=mlx`);
/// in the runbook it is a row of the parameters table.
public struct Parameter: Codable, Equatable, Sendable {
  public enum Kind: String, Codable, Sendable, CaseIterable {
    /// Any text.
    case text
    /// A whole number of zero or more, e.g. a timeout in seconds.
    case integer
    /// `yes` or `no`, e.g. whether to take an optional step.
    case yesNo
  }

  /// UPPER_SNAKE_CASE variable name, e.g. `WAIT_TIMEOUT`.
  public var name: String
  public var meaning: String
  /// The value used when none is given. It may read environment variables
  /// as `${HOME}`; everything else in it is literal.
  public var defaultValue: String?
  public var isRequired: Bool
  /// A secret is never printed: it shows as `***`.
  public var isSecret: Bool
  public var kind: Kind
  /// The values allowed; empty means any.
  public var choices: [String]
  /// The ids of the phases that use the parameter; empty means every phase.
  public var phases: [String]

  public init(
    _ name: String,
    _ meaning: String,
    default defaultValue: String? = nil,
    required isRequired: Bool = false,
    secret isSecret: Bool = false,
    kind: Kind = .text,
    choices: [String] = [],
    phases: [String] = []
  ) {
    self.name = name
    self.meaning = meaning
    self.defaultValue = defaultValue
    self.isRequired = isRequired
    self.isSecret = isSecret
    self.kind = kind
    self.choices = choices
    self.phases = phases
  }

  /// The command-line flag: `WAIT_TIMEOUT` becomes `--wait-timeout`.
  public var flag: String { Self.flag(for: name) }

  /// The flag of the parameter named `name`: `WAIT_TIMEOUT` gives `--wait-timeout`.
  public static func flag(for name: String) -> String {
    "--" + name.lowercased().replacingOccurrences(of: "_", with: "-")
  }
}
