extension MarkdownRenderer {
  /// The Mermaid text of a flowchart, top to bottom: a `subgraph` per
  /// group with its nodes, then the edges, then a `classDef` per style the
  /// nodes use. Ids pass through `Markdown.mermaidID`, labels through
  /// `Markdown.mermaidLabel`, lines of a label joined by `<br/>`.
  static func mermaid(_ chart: Flowchart) -> String {
    var lines = ["flowchart TD"]
    var used: [Flowchart.Style] = []
    for group in chart.groups {
      lines.append(
        "  subgraph \(Markdown.mermaidID(group.id))[\"\(Markdown.mermaidLabel(group.title))\"]")
      lines.append("    direction TB")
      for node in group.nodes {
        let label = node.lines.map(Markdown.mermaidLabel).joined(separator: "<br/>")
        let style = node.style == .plain ? "" : ":::\(node.style.rawValue)"
        lines.append("    \(Markdown.mermaidID(node.id))[\"\(label)\"]\(style)")
        if node.style != .plain && !used.contains(node.style) { used.append(node.style) }
      }
      lines.append("  end")
    }
    for edge in chart.edges {
      lines.append("  \(Markdown.mermaidID(edge.from)) --> \(Markdown.mermaidID(edge.to))")
    }
    for style in Flowchart.Style.allCases where used.contains(style) {
      if let definition = style.definition {
        lines.append("  classDef \(style.rawValue) \(definition)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
