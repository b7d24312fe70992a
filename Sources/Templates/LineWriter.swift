/// Accumulates lines of text with an indentation level, so renderers say
/// what they write (`writeLine`, `withIndent { }`) instead of concatenating.
struct LineWriter {
  private(set) var text = ""
  private var indentation = 0
  /// `indentUnit` repeated `indentation` times, kept in step with it.
  private var prefix = ""
  let indentUnit: String

  init(indentUnit: String = "  ") { self.indentUnit = indentUnit }

  /// Writes each line of `line` at the current indentation; empty lines stay empty.
  mutating func writeLine(_ line: String = "") {
    guard line.contains("\n") else {
      if !line.isEmpty {
        text += prefix
        text += line
      }
      text += "\n"
      return
    }
    for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
      if !part.isEmpty {
        text += prefix
        text += part
      }
      text += "\n"
    }
  }

  /// Writes lines exactly as given, ignoring indentation (here-document bodies).
  mutating func writeVerbatim(_ lines: String) {
    text += lines
    if !lines.hasSuffix("\n") { text += "\n" }
  }

  mutating func indent() {
    indentation += 1
    prefix = String(repeating: indentUnit, count: indentation)
  }

  mutating func dedent() {
    indentation -= 1
    prefix = String(repeating: indentUnit, count: indentation)
  }

  mutating func withIndent(_ body: (inout LineWriter) -> Void) {
    indent()
    body(&self)
    dedent()
  }
}
