/// A `ProcedureDiff` as markdown: the runbook's "Changes since" list and,
/// with a title, a pull-request comment (`diff --format pr-comment`). The
/// changes are grouped by risk class, safety first, each group a bold
/// label and a list; a change's command or text lines follow it in a
/// `diff` block. Model prose goes through `Inline.prose`, which the
/// renderer escapes.
///
/// ```
/// **Safety** (1): a reviewer must sign these off.
///
/// - `TOKEN` is no longer secret: its value is shown and recorded
/// ```
public enum DiffMarkdown {
  /// The grouped lists, after the counts.
  public static func blocks(_ diff: ProcedureDiff) -> [MarkdownBlock] {
    guard !diff.isEmpty else {
      return [
        .list([ListItem([.text("No change to the steps, parameters, requirements or prose.")])])
      ]
    }
    var blocks: [MarkdownBlock] = [
      .paragraph(
        [.text(DiffSummary.counts(diff))]
          + (DiffSummary.stepTally(diff).map { [.text("; " + $0)] } ?? []) + [.text(".")])
    ]
    for risk in RiskClass.allCases {
      let entries = diff.entries(risk)
      guard !entries.isEmpty else { continue }
      blocks.append(
        .paragraph([.strong([.text(risk.heading)]), .text(" (\(entries.count)): \(meaning(risk))")])
      )
      blocks.append(.list(entries.map { item(ChangeText.describe($0)) }))
    }
    return blocks
  }

  /// A pull-request comment: a heading naming the two versions, then the
  /// grouped lists.
  public static func comment(_ diff: ProcedureDiff) -> String {
    MarkdownRenderer.render(
      RunbookDocument(
        [
          .heading(
            Heading(level: 2, [.text("Changes from \(diff.from) to \(diff.to)")], inContents: false)
          )
        ]
          + blocks(diff)))
  }

  static func meaning(_ risk: RiskClass) -> String {
    switch risk {
    case .safety: "what can destroy, expose or skip a guard; sign each off."
    case .behaviour: "what runs differently."
    case .wording: "what the operator reads."
    }
  }

  static func item(_ text: ChangeText) -> ListItem {
    var item = ListItem(
      text.sentence.flatMap { piece -> [Inline] in
        switch piece {
        case .words(let words): Inline.prose(words)
        case .code(let code): [.code(code)]
        }
      })
    if !text.details.isEmpty {
      item.blocks.append(.codeBlock(language: "diff", text: text.details.joined(separator: "\n")))
    }
    return item
  }
}
