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

  /// The contents list of this document's headings that have a
  /// `contentsDepth`, each nested under the last one listed above it at a
  /// lower depth: `- [Parameters](#parameters)`.
  public var contents: MarkdownBlock {
    var items: [ListItem] = []
    for heading in headings {
      guard let depth = heading.contentsDepth else { continue }
      let item = ListItem([.link(heading.text, target: "#" + heading.anchor)])
      items.append(item, atDepth: depth)
    }
    return .list(items)
  }

  /// Every fragment a link can reach: each heading's anchor and each
  /// explicit id, in document order.
  public var fragments: [String] {
    headings.flatMap { heading in
      [heading.anchor] + (heading.id.map { [Markdown.anchorID($0)] } ?? [])
    }
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
    case .blockQuote(let blocks), .alert(_, let blocks): blocks.flatMap(headings)
    case .paragraph, .table, .flowchart, .codeBlock, .htmlComment, .rule: []
    }
  }
}

extension [ListItem] {
  /// Appends `item` `depth` levels down: to the list the last item ends
  /// with (started if need be), and so on; at the top when there is no
  /// item to nest under.
  fileprivate mutating func append(_ item: ListItem, atDepth depth: Int) {
    guard depth > 0, let last = indices.last else {
      append(item)
      return
    }
    var nested: [ListItem] = []
    if case .list(let existing) = self[last].blocks.last {
      nested = existing
      self[last].blocks.removeLast()
    }
    nested.append(item, atDepth: depth - 1)
    self[last].blocks.append(.list(nested))
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
    case .alert(let kind, let blocks): return .alert(kind, blocks.map { assign($0) })
    case .paragraph, .table, .flowchart, .codeBlock, .htmlComment, .rule: return block
    }
  }
}
