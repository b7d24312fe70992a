/// An exact snippet of a command line of the procedure's source document:
/// what a step implements, or what a correction changes. It matches every
/// command line that holds it, with runs of spaces, tabs and line breaks
/// read as one space (so a snippet may span a line the source continues with
/// `\`). A snippet of several lines matches that many consecutive command
/// lines, each holding its line.
///
/// For example `"kubectl scale statefulset -n ${NAMESPACE} db --replicas=0"`;
/// the runbook renders a step's references as a "Source:" line of code spans:
/// ``Source: `kubectl scale statefulset -n ${NAMESPACE} db --replicas=0` ``.
/// In JSON a reference is a plain string.
///
/// A snippet that starts with a line number and `: `, the way `gen-migration
/// trace` prints a command line, matches only the command line that starts
/// on that line: `"465: python export_db.py --profile DEMO --workspace-acls"`
/// for a command the source gives twice, in two places that two steps carry,
/// or for a command that every longer one holds (`--workspace` in
/// `--workspace-acls`). The runbook shows the snippet without its number.
public struct SourceReference: Codable, Equatable, Hashable, Sendable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  public var snippet: String

  public init(_ snippet: String) { self.snippet = snippet }
  public init(stringLiteral snippet: String) { self.snippet = snippet }

  public var description: String { snippet }

  /// The line its match must start on, when the snippet starts with one
  /// (`465: ...`); nil when it may match anywhere.
  public var line: Int? { numbered?.line }

  /// The snippet without its line number.
  public var text: String { numbered?.text ?? snippet }

  private var numbered: (line: Int, text: String)? {
    let digits = snippet.prefix { $0.isASCII && $0.isNumber }
    let rest = snippet.dropFirst(digits.count)
    guard !digits.isEmpty, rest.hasPrefix(": "), let line = Int(digits) else { return nil }
    return (line, String(rest.dropFirst(2)))
  }

  /// The snippet's lines (without its line number), each with its whitespace
  /// runs collapsed: what is compared with the source's command lines. Blank
  /// lines do not count.
  public var normalizedLines: [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { SourceReference.normalize(String($0)) }
      .filter { !$0.isEmpty }
  }

  /// `text` with every run of whitespace (line breaks included) as one
  /// space, trimmed at both ends.
  public static func normalize(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
      .joined(separator: " ")
  }

  public init(from decoder: any Decoder) throws {
    snippet = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(snippet)
  }
}

/// A command line of the source document that the model deliberately does
/// not carry, with the reason: `gen-migration trace` counts it as accounted
/// for, and the runbook lists it under "Source lines not modelled" as
/// ``- `watch -n 5 kubectl get pods`: a monitoring aid, not a step``.
public struct Omission: Codable, Equatable, Sendable {
  /// The omitted line (or a snippet of it), matched as a `SourceReference`.
  public var line: SourceReference
  /// Why the model leaves it out, in a sentence a reviewer can check.
  public var reason: String

  public init(_ line: SourceReference, reason: String) {
    self.line = line
    self.reason = reason
  }
}
