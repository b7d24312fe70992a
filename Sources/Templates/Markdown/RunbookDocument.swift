/// A runbook as a document of blocks, between `RunbookTranslator` (which
/// builds it from a procedure) and `MarkdownRenderer` (which writes it).
///
/// Its headings carry the anchors GitHub gives them, assigned here and only
/// here, and its contents list is derived from those headings, so neither
/// can disagree with the headings the document has.
public struct RunbookDocument: Equatable, Sendable {
  public private(set) var blocks: [MarkdownBlock]

  /// The document of `blocks`, each heading given its anchor in document
  /// order; a repeated anchor gets GitHub's suffix (`setup`, `setup-1`, ...).
  public init(_ blocks: [MarkdownBlock]) {
    var anchors = AnchorSet()
    self.blocks = blocks.map { anchors.assign($0) }
  }

  /// Every heading, in document order, nested ones included.
  public var headings: [Heading] { blocks.flatMap(Self.headings) }

  /// The contents list of this document's level 2 and 3 headings that are
  /// `inContents`, nested by level: `- [Parameters](#parameters)`.
  public var contents: MarkdownBlock {
    var items: [ListItem] = []
    for heading in headings where heading.inContents && (2...3).contains(heading.level) {
      let item = ListItem([.link(heading.text, target: "#" + heading.anchor)])
      if heading.level == 3, let last = items.indices.last {
        items[last].appendToNestedList(item)
      } else {
        items.append(item)
      }
    }
    return .list(items)
  }

  /// The document with `contents` inserted after the heading whose anchor is
  /// `anchor`; it adds no heading, so no anchor changes.
  public func insertingContents(after anchor: String) -> RunbookDocument {
    var copy = self
    guard
      let index = blocks.firstIndex(where: {
        if case .heading(let heading) = $0 { heading.anchor == anchor } else { false }
      })
    else { return copy }
    copy.blocks.insert(contents, at: index + 1)
    return copy
  }

  /// The anchor of the first heading at `level` whose text is `text`.
  public func anchor(ofHeading text: [Inline], level: Int) -> String? {
    headings.first { $0.level == level && $0.text == text }?.anchor
  }

  private static func headings(in block: MarkdownBlock) -> [Heading] {
    switch block {
    case .heading(let heading): [heading]
    case .list(let items): items.flatMap { $0.blocks.flatMap(headings) }
    case .blockQuote(let blocks): blocks.flatMap(headings)
    case .paragraph, .table, .codeBlock, .htmlComment, .rule: []
    }
  }
}

extension ListItem {
  /// Appends `item` to the list this item ends with, or starts that list.
  fileprivate mutating func appendToNestedList(_ item: ListItem) {
    if case .list(var nested) = blocks.last {
      nested.append(item)
      blocks[blocks.count - 1] = .list(nested)
    } else {
      blocks.append(.list([item]))
    }
  }
}

/// The anchors already given, computed as github-slugger does: the slug of
/// the heading's text, and for a slug already taken the first free
/// `slug-N`, which is itself taken from then on.
struct AnchorSet {
  private var taken: [String: Int] = [:]

  mutating func anchor(for text: [Inline]) -> String {
    let base = Markdown.anchor(Inline.plainText(text))
    var slug = base
    while taken[slug] != nil {
      let next = taken[base, default: 0] + 1
      taken[base] = next
      slug = "\(base)-\(next)"
    }
    taken[slug] = 0
    return slug
  }

  mutating func assign(_ block: MarkdownBlock) -> MarkdownBlock {
    switch block {
    case .heading(var heading):
      heading.anchor = anchor(for: heading.text)
      return .heading(heading)
    case .list(let items):
      return .list(
        items.map { item in
          var copy = item
          copy.blocks = item.blocks.map { assign($0) }
          return copy
        })
    case .blockQuote(let blocks): return .blockQuote(blocks.map { assign($0) })
    case .paragraph, .table, .codeBlock, .htmlComment, .rule: return block
    }
  }
}
