/// One block of a runbook document. `MarkdownRenderer` writes each as the
/// markdown shown, separated by blank lines, escaping all the text they hold.
public indirect enum MarkdownBlock: Equatable, Sendable {
  /// `### Step 3. Save site_config`: one line, its text escaped; with an
  /// `id`, `### <a id="step-save-site-config"></a>Step 3. Save site_config`.
  case heading(Heading)
  /// Lines of prose and code spans, wrapped at 80 columns. A line break in
  /// a text starts a new line; a blank line a new paragraph.
  case paragraph([Inline])
  /// `- item` lines, or `- [ ] item` checkboxes for a task list; an item
  /// may hold further blocks (a nested list, a code block), indented.
  case list([ListItem])
  /// `| Name | Meaning |`, `| --- | --- |`, then a row per line; cells are
  /// single-line and their pipes escaped.
  case table(Table)
  /// Every line of the blocks it holds behind `>`.
  case blockQuote([MarkdownBlock])
  /// A GitHub alert: `> [!WARNING]`, then the blocks it holds behind `>`.
  case alert(AlertKind, [MarkdownBlock])
  /// A Mermaid diagram in a ```` ```mermaid ```` block; the renderer
  /// escapes every label.
  case flowchart(Flowchart)
  /// A fenced block tagged with its language (```` ```bash ````), its
  /// fence longer than any backtick run in the text.
  case codeBlock(language: String, text: String)
  /// `<!-- text -->` on one line; `--` in the text is broken up so that it
  /// cannot close the comment. The generated header is one.
  case htmlComment(String)
  /// `---`
  case rule
}

/// The kinds of GitHub alert the runbook uses: `> [!NOTE]`,
/// `> [!WARNING]`, `> [!CAUTION]`.
public enum AlertKind: String, Equatable, Sendable {
  case note = "NOTE"
  case warning = "WARNING"
  case caution = "CAUTION"
}

/// A heading: `level` `#` signs and its text, with the anchor GitHub gives
/// it. `RunbookDocument` assigns anchors. `contentsDepth` says where the
/// contents list shows it: nil not at all, 0 as a top item, 1 under the
/// previous top item, and so on. `id` is an explicit, stable anchor written
/// into the heading (`<a id="step-save"></a>`), for links from outside.
public struct Heading: Equatable, Sendable {
  public var level: Int
  public var text: [Inline]
  /// The fragment that links to it, such as `running-the-script`, with
  /// GitHub's `-1`, `-2` suffixes for repeats; empty until assigned.
  public var anchor: String
  public var contentsDepth: Int?
  public var id: String?

  /// A heading listed by level: levels 2 and 3 at depths 0 and 1 when
  /// `inContents`.
  public init(level: Int, _ text: [Inline], inContents: Bool = true) {
    self.init(
      level: level, text, contentsDepth: inContents && (2...3).contains(level) ? level - 2 : nil)
  }

  public init(level: Int, _ text: [Inline], contentsDepth: Int?, id: String? = nil) {
    self.level = level
    self.text = text
    self.anchor = ""
    self.contentsDepth = contentsDepth
    self.id = id
  }

  public var inContents: Bool { contentsDepth != nil }
}

/// An item of a list: its blocks (first a paragraph, usually) and, for a
/// task list, an unchecked box `- [ ] `.
public struct ListItem: Equatable, Sendable {
  public var blocks: [MarkdownBlock]
  public var isTask: Bool

  public init(_ blocks: [MarkdownBlock], isTask: Bool = false) {
    self.blocks = blocks
    self.isTask = isTask
  }

  /// An item holding one paragraph.
  public init(_ inlines: [Inline], isTask: Bool = false) {
    self.init([.paragraph(inlines)], isTask: isTask)
  }
}

/// A table of single-line cells under a header row.
public struct Table: Equatable, Sendable {
  public var header: [[Inline]]
  public var rows: [[[Inline]]]

  public init(header: [[Inline]], rows: [[[Inline]]]) {
    self.header = header
    self.rows = rows
  }
}
