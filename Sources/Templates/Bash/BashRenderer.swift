import Model

/// Prints a ``ScriptDocument`` as bash. The only place that spells model
/// text in bash: words through ``ShellQuoting``, comments with every line
/// prefixed, here-documents with a terminator no body line equals, and user
/// shell text exactly as declared (never re-indented, so a here-document
/// inside a command keeps its terminator at column 0).
///
/// For example `.function(name: "step_a", body: [.userShell("kubectl get pods")])`
/// prints:
///
///     step_a() {
///     kubectl get pods
///     }
public struct BashRenderer {
  private var text = ""
  private let indentUnit = "  "

  public static func render(_ document: ScriptDocument) -> String {
    var renderer = BashRenderer()
    for node in document.nodes { renderer.render(node, depth: 0) }
    return renderer.text
  }

  /// One node at `depth` levels of indentation.
  mutating func render(_ node: ScriptNode, depth: Int) {
    switch node {
    case .comment(let comment):
      for commentLine in comment.split(separator: "\n", omittingEmptySubsequences: false) {
        let shown = ShellQuoting.commentText(String(commentLine))
        line(shown.isEmpty ? "#" : "# " + shown, depth)
      }
    case .blank:
      text += "\n"
    case .assignment(let name, let value, let readonly):
      line((readonly ? "readonly " : "") + "\(name)=\(Self.spell(value))", depth)
    case .array(let name, let elements, let multiline):
      if multiline {
        line("\(name)=(", depth)
        for element in elements { line(Self.spell(element), depth + 1) }
        line(")", depth)
      } else {
        line("\(name)=(\(elements.map(Self.spell).joined(separator: " ")))", depth)
      }
    case .associativeArray(let name, let entries):
      line("declare -A \(name)=(", depth)
      for entry in entries {
        line("[\(Self.spell(entry.key))]=\(Self.spell(entry.value))", depth + 1)
      }
      line(")", depth)
    case .function(let name, let body):
      line("\(name)() {", depth)
      if body.isEmpty { line(":", depth + 1) }
      for child in body { render(child, depth: depth + 1) }
      line("}", depth)
    case .statement(let words):
      line(words.map(Self.spell).joined(separator: " "), depth)
    case .block(let opening, let body, let closing):
      line(opening.map(Self.spell).joined(separator: " "), depth)
      for child in body { render(child, depth: depth + 1) }
      line(closing, depth)
    case .caseArm(let pattern, let body):
      line(pattern + ")", depth)
      for child in body { render(child, depth: depth + 1) }
      line(";;", depth + 1)
    case .hereDocument(let command, let body, let quoted, let base):
      let content = Self.hereDocumentBody(body, quoted: quoted)
      let terminator = ShellQuoting.delimiter(base, avoiding: content)
      let redirection = quoted ? "<<'\(terminator)'" : "<<\(terminator)"
      line((command.map(Self.spell) + [redirection]).joined(separator: " "), depth)
      verbatim(content)
      verbatim(terminator)
    case .userShell(let shell):
      if shell.contains("\n") { verbatim(shell) } else { line(shell, depth) }
    case .runtime(let runtime):
      verbatim(runtime)
    }
  }

  /// A word as bash must read it to mean the word.
  static func spell(_ word: ShellWord) -> String {
    switch word {
    case .literal(let literal): ShellQuoting.quoted(literal)
    case .code(let code): code
    case .assignment(let name, let value): "\(name)=\(spell(value))"
    case .bare(let text): ShellQuoting.isBare(text) ? text : ShellQuoting.quoted(text)
    case .interpolated(let parts): ShellQuoting.interpolated(parts)
    }
  }

  /// The text of a here-document's body, ending in a newline. In a quoted
  /// one nothing expands, so text is written as is; in an unquoted one `\`,
  /// `$` and `` ` `` are escaped and only ``HereDocumentPart/expanded(_:)``
  /// parts expand.
  static func hereDocumentBody(_ parts: [HereDocumentPart], quoted: Bool) -> String {
    var body = ""
    for part in parts {
      switch part {
      case .text(let text):
        body += quoted ? text : ShellQuoting.escapedForHeredoc(text)
      case .expanded(let name):
        let reference = "${\(name)}"
        body +=
          quoted || !ShellQuoting.isIdentifier(name)
          ? (quoted ? reference : ShellQuoting.escapedForHeredoc(reference)) : reference
      }
    }
    if !body.hasSuffix("\n") { body += "\n" }
    return body
  }

  private mutating func line(_ line: String, _ depth: Int) {
    if !line.isEmpty { text += String(repeating: indentUnit, count: depth) + line }
    text += "\n"
  }

  private mutating func verbatim(_ lines: String) {
    text += lines
    if !lines.hasSuffix("\n") { text += "\n" }
  }
}
