extension MarkdownRenderer {
  /// The lines of a paragraph, each source line wrapped to `width` columns
  /// (`firstWidth` for the first, after a list marker). Each line of its
  /// text is escaped, and at the start of a line its leading spaces are
  /// dropped and `-`, `+`, `=` and `1.` are escaped too, so that no line can
  /// become a heading, fence, list, quote, table, indented code or HTML.
  /// Trailing spaces (a hard break) are dropped; blank lines, the model's
  /// paragraph breaks, collapse to one, and none starts or ends the
  /// paragraph. Wrapping breaks only at a single space (see `WrapLine`), so
  /// the paragraph reads exactly as on one line.
  static func paragraphLines(_ inlines: [Inline], width: Int = 80, firstWidth: Int? = nil)
    -> [String]
  {
    var result: [String] = []
    for source in sourceLines(coalesced(inlines)) {
      let limit = result.isEmpty ? (firstWidth ?? width) : width
      let wrapped = WrapLine(source).lines(firstWidth: limit, width: width)
      if wrapped.isEmpty {
        if result.last?.isEmpty == false { result.append("") }
        continue
      }
      result += wrapped
    }
    if result.last?.isEmpty == true { result.removeLast() }
    return result
  }

  /// The inlines split at each line break of their texts: one array a line.
  private static func sourceLines(_ inlines: [Inline]) -> [[Inline]] {
    var lines: [[Inline]] = [[]]
    for inline in inlines {
      guard case .text(let text) = inline else {
        lines[lines.count - 1].append(inline)
        continue
      }
      let segments = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
      for (index, segment) in segments.enumerated() {
        if index > 0 { lines.append([]) }
        let part = String(String.UnicodeScalarView(segment))
        if !part.isEmpty { lines[lines.count - 1].append(.text(part)) }
      }
    }
    return lines
  }

  /// Inlines on one line (a heading, a table cell): line breaks become
  /// spaces, and nothing wraps.
  static func line(_ inlines: [Inline]) -> String {
    WrapLine(inlines, breaking: false).units.map { $0.rendered(atLineStart: false) }.joined()
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
