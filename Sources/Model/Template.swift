/// Text in which `${NAME}` stands for the value of a parameter or an
/// environment variable and everything else is literal: file contents and
/// parameter defaults. `name: ${NAMESPACE}` has the segments
/// `.literal("name: ")` and `.reference("NAMESPACE")`.
public struct Template: Equatable, Sendable {
  public enum Segment: Equatable, Sendable {
    case literal(String)
    case reference(String)
  }

  public let segments: [Segment]

  public init(_ text: String) {
    var segments: [Segment] = []
    var literal = ""
    var rest = Substring(text)
    while let start = rest.range(of: "${") {
      let afterBrace = rest[start.upperBound...]
      let name = afterBrace.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
      let end = afterBrace.index(afterBrace.startIndex, offsetBy: name.count)
      if let first = name.first, !first.isNumber, end < afterBrace.endIndex, afterBrace[end] == "}"
      {
        literal += rest[..<start.lowerBound]
        if !literal.isEmpty { segments.append(.literal(literal)) }
        literal = ""
        segments.append(.reference(String(name)))
        rest = afterBrace[afterBrace.index(after: end)...]
      } else {
        literal += rest[..<start.upperBound]
        rest = afterBrace
      }
    }
    literal += rest
    if !literal.isEmpty { segments.append(.literal(literal)) }
    self.segments = segments
  }

  /// A template that is all literal text, whatever `${...}` it holds.
  public static func literal(_ text: String) -> Template {
    Template(segments: text.isEmpty ? [] : [.literal(text)])
  }

  private init(segments: [Segment]) { self.segments = segments }

  /// The names referenced, in order of first appearance.
  public var references: [String] {
    var names: [String] = []
    for case .reference(let name) in segments where !names.contains(name) { names.append(name) }
    return names
  }
}
