import Model

extension RunbookTranslator {
  /// The id of step `number`'s box in the flowchart: `s12`.
  static func flowchartNode(_ number: Int) -> String { "s\(number)" }

  /// The id of phase `number`'s group in the flowchart: `p2`.
  static func flowchartGroup(_ number: Int) -> String { "p\(number)" }

  /// "The procedure at a glance": a legend and a Mermaid flowchart of the
  /// phases (a group each, in order) and their steps.
  func shape() -> [MarkdownBlock] {
    [
      heading(2, "The procedure at a glance"),
      .paragraph(.prose(legend())),
      .flowchart(flowchart()),
    ]
  }

  /// What the boxes mean, naming only the kinds of box the chart has:
  /// "Each box is a step, numbered as below, in its phase. A yellow box is
  /// manual, a red one destructive." (CML: no optional or concurrent steps).
  func legend() -> String {
    let steps = procedure.phases.flatMap(\.steps)
    var kinds: [(look: String, meaning: String)] = []
    if steps.contains(where: { $0.enabledBy != nil }) { kinds.append(("dashed", "optional")) }
    if steps.contains(where: \.isManual) { kinds.append(("yellow", "manual")) }
    if steps.contains(where: \.isDestructive) { kinds.append(("red", "destructive")) }
    var text = "Each box is a step, numbered as below, in its phase."
    if steps.contains(where: { $0.concurrentGroup != nil }) {
      text += " Steps side by side run at the same time."
    }
    if let first = kinds.first {
      let rest = kinds.dropFirst().map { "a \($0.look) one \($0.meaning)" }
      text +=
        " " + (["A \(first.look) box is \(first.meaning)"] + rest).joined(separator: ", ") + "."
    }
    return text
  }

  /// A group per phase; a box per step, labelled with its number, title
  /// and marks (manual, destructive, optional); an edge from each step to
  /// the next, and around a concurrent group from the step before to each
  /// of its steps and from each to the step after; an edge from each phase
  /// to the next.
  func flowchart() -> Flowchart {
    var groups: [Flowchart.Group] = []
    var edges: [Flowchart.Edge] = []
    var number = 0
    for (index, phase) in procedure.phases.enumerated() {
      var nodes: [Flowchart.Node] = []
      var stages: [[String]] = []
      var previousGroup: String? = nil
      for step in phase.steps {
        number += 1
        let node = Self.flowchartNode(number)
        nodes.append(Flowchart.Node(id: node, lines: label(step, number), style: style(step)))
        if let group = step.concurrentGroup, group == previousGroup, !stages.isEmpty {
          stages[stages.count - 1].append(node)
        } else {
          stages.append([node])
        }
        previousGroup = step.concurrentGroup
      }
      for (before, after) in zip(stages, stages.dropFirst()) {
        for from in before {
          for to in after { edges.append(Flowchart.Edge(from, to)) }
        }
      }
      groups.append(
        Flowchart.Group(
          id: Self.flowchartGroup(index + 1), title: "Phase \(index + 1): \(phase.title)",
          nodes: nodes))
    }
    for index in groups.indices.dropLast() {
      edges.append(Flowchart.Edge(groups[index].id, groups[index + 1].id))
    }
    return Flowchart(groups: groups, edges: edges)
  }

  /// `12. Drop the schemas`, then a line of marks: `manual`,
  /// `DESTRUCTIVE`, `optional: PAUSE_JOBS=yes`.
  private func label(_ step: Step, _ number: Int) -> [String] {
    var marks: [String] = []
    if step.isManual { marks.append("manual") }
    if step.isDestructive { marks.append("DESTRUCTIVE") }
    if let flag = step.enabledBy { marks.append("optional: \(flag)=yes") }
    let title = "\(number). " + Inline.plainText(.prose(step.title))
    return marks.isEmpty ? [title] : [title, marks.joined(separator: ", ")]
  }

  private func style(_ step: Step) -> Flowchart.Style {
    if step.isDestructive { return .destructive }
    if step.enabledBy != nil { return .optional }
    if step.isManual { return .manual }
    return .plain
  }
}
