/// What the output of a check must be.
///
/// For example `.empty` renders in the runbook as "prints nothing", and in
/// the script as a test that the captured output is empty.
public enum Expectation: Codable, Equatable, Sendable {
  /// The command prints nothing.
  case empty
  /// The command prints at least one non-blank line.
  case nonEmpty
  /// The command prints exactly this text (trailing newlines ignored).
  case equals(String)
  /// The command prints exactly the value of this parameter, e.g. the kube
  /// context the operator named: a guard against the wrong cluster.
  case equalsParameter(String)
  /// The command prints a version number at least this one, e.g. `1.9.1`:
  /// its output must begin with numbers separated by dots (a leading `v` and
  /// anything after the numbers, such as `rc1`, are ignored), compared part
  /// by part as numbers, so that 1.10.0 is later than 1.9.1.
  case versionAtLeast(String)

  private enum CodingKeys: String, CodingKey { case kind, text, parameter, version }
  enum Kind: String, Codable, CaseIterable {
    case empty, nonEmpty, equals, equalsParameter, versionAtLeast
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(Kind.self, forKey: .kind) {
    case .empty: self = .empty
    case .nonEmpty: self = .nonEmpty
    case .equals: self = .equals(try container.decode(String.self, forKey: .text))
    case .equalsParameter:
      self = .equalsParameter(try container.decode(String.self, forKey: .parameter))
    case .versionAtLeast:
      self = .versionAtLeast(try container.decode(String.self, forKey: .version))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .empty: try container.encode(Kind.empty, forKey: .kind)
    case .nonEmpty: try container.encode(Kind.nonEmpty, forKey: .kind)
    case .equals(let text):
      try container.encode(Kind.equals, forKey: .kind)
      try container.encode(text, forKey: .text)
    case .equalsParameter(let name):
      try container.encode(Kind.equalsParameter, forKey: .kind)
      try container.encode(name, forKey: .parameter)
    case .versionAtLeast(let version):
      try container.encode(Kind.versionAtLeast, forKey: .kind)
      try container.encode(version, forKey: .version)
    }
  }

  /// Whether `version` can be a minimum of `versionAtLeast`: numbers
  /// separated by dots, such as `1.9.1`.
  public static func isVersionNumber(_ version: String) -> Bool {
    let parts = version.split(separator: ".", omittingEmptySubsequences: false)
    return !parts.isEmpty
      && parts.allSatisfy { part in
        !part.isEmpty && part.count <= 9 && part.allSatisfy { ("0"..."9").contains($0) }
      }
  }
}
