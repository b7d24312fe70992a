extension MarkdownRenderer {
  /// The lines of a paragraph. Each line of its text is escaped, and at the
  /// start of a line its leading spaces are dropped and `-`, `+`, `=` and
  /// `1.` are escaped too, so that no line can become a heading, fence,
  /// list, quote, table, indented code or HTML. Trailing spaces (a hard
  /// break) are dropped; blank lines, the model's paragraph breaks, collapse
  /// to one, and none starts or ends the paragraph.
  static func paragraphLines(_ inlines: [Inline]) -> [String] {
    var lines: [String] = [""]
    var atLineStart = true
    for inline in coalesced(inlines) {
      guard case .text(let text) = inline else {
        lines[lines.count - 1] += render(inline)
        atLineStart = false
        continue
      }
      let segments = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
      for (index, segment) in segments.enumerated() {
        if index > 0 {
          lines.append("")
          atLineStart = true
        }
        var part = Substring.UnicodeScalarView(segment)
        if atLineStart {
          part = part.drop { $0 == " " || $0 == "\t" }
          if part.isEmpty { continue }
        }
        let previous = lines[lines.count - 1].unicodeScalars.last
        lines[lines.count - 1] += Markdown.escaped(
          String(part), atLineStart: atLineStart, after: previous)
        atLineStart = false
      }
    }
    var result: [String] = []
    for line in lines.map(\.trimmingTrailingSpaces) {
      if line.isEmpty && (result.last?.isEmpty ?? true) { continue }
      result.append(line)
    }
    if result.last?.isEmpty == true { result.removeLast() }
    return result
  }

  /// Inlines on one line (a heading, a table cell, a link's text): line
  /// breaks become spaces.
  static func line(_ inlines: [Inline]) -> String {
    var result = ""
    for inline in coalesced(inlines) {
      if case .text(let text) = inline {
        result += Markdown.escaped(Markdown.oneLine(text), after: result.unicodeScalars.last)
      } else {
        result += render(inline)
      }
    }
    return result
  }

  /// One inline that is not text: a code span, strong or emphasised text
  /// (nothing when empty, so no `****` can make a rule), or a link (its
  /// text alone when the destination is not allowed; a link inside a
  /// link's text is its text).
  static func render(_ inline: Inline) -> String {
    switch inline {
    case .text(let text): return Markdown.escaped(Markdown.oneLine(text))
    case .code(let code): return Markdown.code(code)
    case .strong(let inner):
      let text = line(inner)
      return text.isEmpty ? "" : "**\(text)**"
    case .emphasis(let inner):
      let text = line(inner)
      return text.isEmpty ? "" : "*\(text)*"
    case .link(let inner, let target):
      let text = line(inner.flatMap(\.withoutLinks))
      guard let destination = Markdown.linkDestination(target) else { return text }
      return "[\(text)](\(destination))"
    }
  }

  /// Adjacent texts joined (so the `_` rule sees both neighbours) and
  /// adjacent code spans joined (two spans side by side would read as one
  /// longer fence).
  static func coalesced(_ inlines: [Inline]) -> [Inline] {
    var result: [Inline] = []
    for inline in inlines {
      switch (result.last, inline) {
      case (.text(let before)?, .text(let next)): result[result.count - 1] = .text(before + next)
      case (.code(let before)?, .code(let next)): result[result.count - 1] = .code(before + next)
      default: result.append(inline)
      }
    }
    return result
  }
}

extension Inline {
  /// The inline with every link replaced by its text.
  var withoutLinks: [Inline] {
    switch self {
    case .text, .code: [self]
    case .strong(let inner): [.strong(inner.flatMap(\.withoutLinks))]
    case .emphasis(let inner): [.emphasis(inner.flatMap(\.withoutLinks))]
    case .link(let inner, _): inner.flatMap(\.withoutLinks)
    }
  }
}
