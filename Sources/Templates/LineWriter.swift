/// Accumulates lines of text with an indentation level, so renderers say
/// what they write (`writeLine`, `withIndent { }`) instead of concatenating.
struct LineWriter {
  private(set) var text = ""
  private var indentation = 0
  let indentUnit: String

  init(indentUnit: String = "  ") { self.indentUnit = indentUnit }

  /// Writes each line of `line` at the current indentation; empty lines stay empty.
  mutating func writeLine(_ line: String = "") {
    for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
      if part.isEmpty {
        text += "\n"
      } else {
        text += String(repeating: indentUnit, count: indentation) + part + "\n"
      }
    }
  }

  /// Writes lines exactly as given, ignoring indentation (here-document bodies).
  mutating func writeVerbatim(_ lines: String) {
    text += lines
    if !lines.hasSuffix("\n") { text += "\n" }
  }

  mutating func indent() { indentation += 1 }
  mutating func dedent() { indentation -= 1 }

  mutating func withIndent(_ body: (inout LineWriter) -> Void) {
    indentation += 1
    body(&self)
    indentation -= 1
  }
}
