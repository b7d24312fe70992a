/// A piece of a line of the runbook: what a paragraph, heading, list item or
/// table cell holds. Every case carries plain text; `MarkdownRenderer` alone
/// turns it into markdown, so no text of a procedure can open structure.
///
/// For example `[.text("Run "), .code("kubectl get pods"), .text(".")]`
/// renders as ``Run `kubectl get pods`.``, and `.text("<script>")` as
/// `\<script\>`.
public indirect enum Inline: Equatable, Sendable {
  /// Prose shown exactly as written: every character that markdown would
  /// read as structure or HTML is escaped. A newline starts a new line of the
  /// same paragraph; a blank line starts a new paragraph.
  case text(String)
  /// An inline code span showing its text exactly, on one line:
  /// `` `ls -l` ``, or ``` `` a`b `` ``` around backticks.
  case code(String)
  /// `**Required.**`
  case strong([Inline])
  /// `*exactly one*`
  case emphasis([Inline])
  /// `[Running the script](#running-the-script)`; `target` is a relative
  /// path, an anchor, or an `http`, `https` or `mailto` address.
  case link([Inline], target: String)

  /// The text a reader sees, as GitHub derives a heading's anchor from it:
  /// code without its backticks, hidden characters in their visible form,
  /// line breaks as spaces.
  public static func plainText(_ inlines: [Inline]) -> String {
    inlines.map { inline in
      switch inline {
      case .text(let text), .code(let text):
        Markdown.visible(Markdown.oneLine(text), keeping: ["\t"])
      case .strong(let inner), .emphasis(let inner), .link(let inner, _): plainText(inner)
      }
    }.joined()
  }
}

extension Inline {
  /// Model prose, read with one rule: text between two backtick runs of the
  /// same length is code, and everything else is plain text, escaped when
  /// rendered. Nothing else in the text (`*`, `_`, `[`, `<`, `#`, ...) means
  /// anything.
  ///
  /// This is CommonMark's code span rule: a run of N backticks opens a span
  /// that the next run of exactly N backticks closes; a run with no match is
  /// literal text; inside, a line break is a space, and one space is
  /// stripped from each end when both ends have one. So
  /// ``"Set `NAMESPACE` first"`` holds the code `NAMESPACE`, and code that
  /// holds backticks is written with a longer run: ```"`` -C `pwd` ``"```
  /// holds the code ``-C `pwd` ``. Backslashes are plain characters.
  public static func prose(_ source: String) -> [Inline] {
    guard source.contains("`") else { return source.isEmpty ? [] : [.text(source)] }
    let characters = Array(source.unicodeScalars)
    var result: [Inline] = []
    var text = String.UnicodeScalarView()
    var index = 0
    while index < characters.count {
      guard characters[index] == "`" else {
        text.append(characters[index])
        index += 1
        continue
      }
      let opening = run(in: characters, at: index)
      if let closing = closingRun(in: characters, from: index + opening, length: opening) {
        if !text.isEmpty { result.append(.text(String(text))) }
        text = String.UnicodeScalarView()
        var code = String(String.UnicodeScalarView(characters[(index + opening)..<closing]))
        code = code.replacingOccurrences(of: "\n", with: " ")
        if code.count >= 2, code.hasPrefix(" "), code.hasSuffix(" "),
          code.contains(where: { $0 != " " })
        {
          code = String(code.dropFirst().dropLast())
        }
        result.append(.code(code))
        index = closing + opening
      } else {
        text.append(contentsOf: characters[index..<(index + opening)])
        index += opening
      }
    }
    if !text.isEmpty { result.append(.text(String(text))) }
    return result
  }

  private static func run(in characters: [Unicode.Scalar], at start: Int) -> Int {
    var end = start
    while end < characters.count && characters[end] == "`" { end += 1 }
    return end - start
  }

  private static func closingRun(in characters: [Unicode.Scalar], from start: Int, length: Int)
    -> Int?
  {
    var index = start
    while index < characters.count {
      if characters[index] == "`" {
        let found = run(in: characters, at: index)
        if found == length { return index }
        index += found
      } else {
        index += 1
      }
    }
    return nil
  }
}

extension [Inline] {
  /// Model prose where inlines are expected: see `Inline.prose(_:)`.
  public static func prose(_ source: String) -> [Inline] { Inline.prose(source) }
}
