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
  /// What the value keeps with the other inputs, e.g. `.differsFrom("SESSION")`.
  public var rules: [ParameterRule]

  public init(
    _ name: String,
    _ meaning: String,
    default defaultValue: String? = nil,
    required isRequired: Bool = false,
    secret isSecret: Bool = false,
    kind: Kind = .text,
    choices: [String] = [],
    phases: [String] = [],
    rules: [ParameterRule] = []
  ) {
    self.name = name
    self.meaning = meaning
    self.defaultValue = defaultValue
    self.isRequired = isRequired
    self.isSecret = isSecret
    self.kind = kind
    self.choices = choices
    self.phases = phases
    self.rules = rules
  }

  /// The command-line flag: `WAIT_TIMEOUT` becomes `--wait-timeout`.
  public var flag: String { Self.flag(for: name) }

  /// The flag of the parameter named `name`: `WAIT_TIMEOUT` gives `--wait-timeout`.
  public static func flag(for name: String) -> String {
    "--" + name.lowercased().replacingOccurrences(of: "_", with: "-")
  }
}

/// The JSON form with `rules` optional: a file written before rules existed
/// decodes (to none), and no rules are not written, so the JSON form, and
/// with it the fingerprint, of a procedure without rules is what it was.
extension Parameter {
  enum CodingKeys: String, CodingKey {
    case name, meaning, defaultValue, isRequired, isSecret, kind, choices, phases, rules
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    meaning = try container.decode(String.self, forKey: .meaning)
    defaultValue = try container.decodeIfPresent(String.self, forKey: .defaultValue)
    isRequired = try container.decode(Bool.self, forKey: .isRequired)
    isSecret = try container.decode(Bool.self, forKey: .isSecret)
    kind = try container.decode(Kind.self, forKey: .kind)
    choices = try container.decode([String].self, forKey: .choices)
    phases = try container.decode([String].self, forKey: .phases)
    rules = try container.decodeIfPresent([ParameterRule].self, forKey: .rules) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(meaning, forKey: .meaning)
    try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
    try container.encode(isRequired, forKey: .isRequired)
    try container.encode(isSecret, forKey: .isSecret)
    try container.encode(kind, forKey: .kind)
    try container.encode(choices, forKey: .choices)
    try container.encode(phases, forKey: .phases)
    if !rules.isEmpty { try container.encode(rules, forKey: .rules) }
  }
}
