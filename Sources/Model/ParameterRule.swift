/// A rule a parameter's value keeps with the other inputs, checked with the
/// other parameter checks before anything runs.
///
/// `.differsFrom("SESSION")` on `DST_SESSION` renders in the runbook as
/// "Must differ from SESSION." and in the script as a usage error (exit 2)
/// when the two values are equal; `.requiredWhen(parameter: "CLOUD",
/// value: "azure")` as "Required when CLOUD is azure."; `.existingFile` as
/// "Must name an existing, readable file." and a preflight check (exit 3,
/// not made by `--dry-run`, which reads nothing).
public enum ParameterRule: Codable, Equatable, Sendable {
  /// The value, when given, differs from the other parameter's value: a
  /// session compared with itself, or a migration whose source is its
  /// target.
  case differsFrom(String)
  /// The parameter is required when the other parameter has this value.
  case requiredWhen(parameter: String, value: String)
  /// The value, when given, names an existing, readable file.
  case existingFile

  private enum CodingKeys: String, CodingKey { case kind, parameter, value }
  enum Kind: String, Codable, CaseIterable { case differsFrom, requiredWhen, existingFile }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(Kind.self, forKey: .kind) {
    case .differsFrom:
      self = .differsFrom(try container.decode(String.self, forKey: .parameter))
    case .requiredWhen:
      self = .requiredWhen(
        parameter: try container.decode(String.self, forKey: .parameter),
        value: try container.decode(String.self, forKey: .value))
    case .existingFile: self = .existingFile
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .differsFrom(let name):
      try container.encode(Kind.differsFrom, forKey: .kind)
      try container.encode(name, forKey: .parameter)
    case .requiredWhen(let name, let value):
      try container.encode(Kind.requiredWhen, forKey: .kind)
      try container.encode(name, forKey: .parameter)
      try container.encode(value, forKey: .value)
    case .existingFile: try container.encode(Kind.existingFile, forKey: .kind)
    }
  }

  /// The other parameter the rule names, if any.
  public var otherParameter: String? {
    switch self {
    case .differsFrom(let name), .requiredWhen(let name, _): name
    case .existingFile: nil
    }
  }

  /// The rule as the runbook states it, e.g. "Must differ from SESSION."
  public var sentence: String {
    switch self {
    case .differsFrom(let name): "Must differ from \(name)."
    case .requiredWhen(let name, let value): "Required when \(name) is \(value)."
    case .existingFile: "Must name an existing, readable file."
    }
  }
}
