/// A note, warning or danger attached to a procedure, section or step.
/// The runbook renders it as a GitHub alert: `> [!NOTE]`, `> [!WARNING]`,
/// or `> [!CAUTION]` for a danger.
public struct Admonition: Codable, Equatable, Sendable {
  public enum Kind: String, Codable, Sendable, CaseIterable {
    case note, warning, danger
  }

  public var kind: Kind
  public var text: String

  public init(_ kind: Kind, _ text: String) {
    self.kind = kind
    self.text = text
  }

  public static func note(_ text: String) -> Admonition { Admonition(.note, text) }
  public static func warning(_ text: String) -> Admonition { Admonition(.warning, text) }
  public static func danger(_ text: String) -> Admonition { Admonition(.danger, text) }
}
