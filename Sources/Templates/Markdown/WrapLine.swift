/// One line of inlines, rendered and cut into the units that wrapping moves
/// whole. A line breaks only where a single space stands between two
/// non-spaces and the text after it cannot open a block at the start of a
/// line:
///
/// - in text, anywhere such a space stands; the unit that then starts a
///   line is escaped as a line start (`\-`, `1\.`);
/// - inside a code span, before a letter or one of `$"'/({`
///   (CommonMark reads the line break as the space it replaces), and before
///   a span whose fence is shorter than three backticks;
/// - never next to the inside of `**`, `*` or a link's brackets.
///
/// So `Run `kubectl get pods` now.` at width 12 becomes ``Run `kubectl``,
/// ``get pods` ``, `now.`, and reads the same.
struct WrapLine {
  /// What the line is made of before it is cut.
  private enum Atom {
    /// A character of text, escaped when rendered.
    case character(Unicode.Scalar)
    /// Rendered markdown; whether a line may start or end next to it.
    case literal(String, breakBefore: Bool, breakAfter: Bool)
    /// A space inside a code span where the line may break.
    case codeSpace
  }

  /// A part of a unit: text to escape (with the character before it, for
  /// the `_` rule) or rendered markdown.
  fileprivate enum Token {
    case text(String, after: Unicode.Scalar?)
    case literal(String)
  }

  struct Unit {
    fileprivate var tokens: [Token] = []

    /// The unit's markdown; at the start of a line its first text escapes
    /// what would open a block there.
    func rendered(atLineStart: Bool) -> String {
      var result = ""
      for (index, token) in tokens.enumerated() {
        switch token {
        case .text(let text, let after):
          result += Markdown.escaped(text, atLineStart: atLineStart && index == 0, after: after)
        case .literal(let text): result += text
        }
      }
      return result
    }
  }

  private(set) var units: [Unit] = []

  /// The units of `inlines`; with `breaking` false, one unit (a heading or
  /// a table cell, which never wrap).
  init(_ inlines: [Inline], breaking: Bool = true) {
    var atoms = Self.atoms(MarkdownRenderer.coalesced(inlines))
    while case .character(let first)? = atoms.first, first == " " || first == "\t" {
      atoms.removeFirst()
    }
    while case .character(let last)? = atoms.last, last == " " || last == "\t" {
      atoms.removeLast()
    }
    var unit = Unit()
    var text = String.UnicodeScalarView()
    var textAfter: Unicode.Scalar? = nil
    var previous: Unicode.Scalar? = nil
    func flushText() {
      guard !text.isEmpty else { return }
      unit.tokens.append(.text(String(text), after: textAfter))
      text = String.UnicodeScalarView()
    }
    for (index, atom) in atoms.enumerated() {
      let isBreak: Bool
      switch atom {
      case .codeSpace: isBreak = true
      case .character(let scalar):
        isBreak =
          breaking && scalar == " "
          && Self.mayBreakAfter(index > 0 ? atoms[index - 1] : nil)
          && Self.mayBreakBefore(index + 1 < atoms.count ? atoms[index + 1] : nil)
      case .literal: isBreak = false
      }
      if isBreak && breaking {
        flushText()
        units.append(unit)
        unit = Unit()
        previous = " "
        continue
      }
      switch atom {
      case .codeSpace:
        flushText()
        unit.tokens.append(.literal(" "))
        previous = " "
      case .character(let scalar):
        if text.isEmpty { textAfter = previous }
        text.append(scalar)
        previous = scalar
      case .literal(let markdown, _, _):
        flushText()
        unit.tokens.append(.literal(markdown))
        previous = markdown.unicodeScalars.last ?? previous
      }
    }
    flushText()
    if !unit.tokens.isEmpty { units.append(unit) }
  }

  /// The line cut greedily: as many units on each line as fit in `width`
  /// columns (`firstWidth` on the first), and a unit longer than that alone.
  func lines(firstWidth: Int, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for unit in units {
      let limit = lines.isEmpty ? firstWidth : width
      let middle = unit.rendered(atLineStart: false)
      if current.isEmpty {
        current = unit.rendered(atLineStart: true)
      } else if current.count + 1 + middle.count <= limit {
        current += " " + middle
      } else {
        lines.append(current)
        current = unit.rendered(atLineStart: true)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  private static func mayBreakAfter(_ atom: Atom?) -> Bool {
    switch atom {
    case .character(let scalar)?: scalar != " " && scalar != "\t"
    case .literal(_, _, let after)?: after
    case .codeSpace?, nil: false
    }
  }

  private static func mayBreakBefore(_ atom: Atom?) -> Bool {
    switch atom {
    case .character(let scalar)?: scalar != " " && scalar != "\t"
    case .literal(_, let before, _)?: before
    case .codeSpace?, nil: false
    }
  }

  /// The atoms of inlines already coalesced; a line break of a text is a
  /// space here (paragraphs split their lines before).
  private static func atoms(_ inlines: [Inline]) -> [Atom] {
    var atoms: [Atom] = []
    for inline in inlines {
      switch inline {
      case .text(let text):
        atoms += Markdown.oneLine(text).unicodeScalars.map { .character($0) }
      case .code(let code):
        let words = Markdown.codeWords(code)
        for (index, word) in words.enumerated() {
          if index > 0 { atoms.append(.codeSpace) }
          let fence = word.unicodeScalars.prefix { $0 == "`" }.count
          atoms.append(.literal(word, breakBefore: index > 0 || fence < 3, breakAfter: true))
        }
      case .strong(let inner): atoms += delimited(inner, by: "**")
      case .emphasis(let inner): atoms += delimited(inner, by: "*")
      case .link(let inner, let target):
        let text = Self.atoms(MarkdownRenderer.coalesced(inner.flatMap(\.withoutLinks)))
        guard let destination = Markdown.linkDestination(target) else {
          atoms += text
          continue
        }
        atoms.append(.literal("[", breakBefore: true, breakAfter: false))
        atoms += text
        atoms.append(.literal("](\(destination))", breakBefore: false, breakAfter: true))
      }
    }
    return atoms
  }

  /// `**inner**`, or nothing for empty inner text (so no `****` can make a
  /// rule).
  private static func delimited(_ inner: [Inline], by delimiter: String) -> [Atom] {
    let text = atoms(MarkdownRenderer.coalesced(inner))
    guard !text.isEmpty else { return [] }
    return [.literal(delimiter, breakBefore: true, breakAfter: false)] + text
      + [.literal(delimiter, breakBefore: false, breakAfter: true)]
  }
}
