import Catalog
import Model
import Templates
import Testing

/// Every catalog runbook: its Mermaid flowchart, parsed back, has the
/// shape of the model, and every step has its stable anchor once.
@Suite struct RunbookShapeTests {
  static let references = Catalog.procedures.map(\.reference)

  static func procedure(_ reference: String) throws -> Procedure {
    try #require(Catalog.procedures.first { $0.reference == reference })
  }

  /// The Mermaid text of the runbook's one `mermaid` block.
  static func mermaid(in runbook: String) throws -> [String] {
    let lines = runbook.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let opening = lines.indices.filter { lines[$0] == "```mermaid" }
    #expect(opening.count == 1)
    let start = try #require(opening.first) + 1
    let end = try #require(lines[start...].firstIndex(of: "```"))
    return Array(lines[start..<end])
  }

  /// A flowchart read back from its text: each group's node ids in order,
  /// each node's label (entity codes decoded) and class, and the edges.
  struct Parsed {
    var groups: [(id: String, title: String, nodes: [String])] = []
    var labels: [String: String] = [:]
    var classes: [String: String] = [:]
    var edges: [String] = []

    init(_ lines: [String]) {
      for line in lines.map({ $0.trimmingCharacters(in: [" "]) }) {
        if line.hasPrefix("subgraph "), let open = line.firstIndex(of: "[") {
          let id = String(line.dropFirst("subgraph ".count).prefix { $0 != "[" })
          groups.append((id, Self.label(line[open...]), []))
        } else if line.contains(" --> ") {
          edges.append(line)
        } else if let open = line.range(of: "[\""), !line.hasPrefix("subgraph") {
          let id = String(line[..<open.lowerBound])
          let rest = line[open.lowerBound...]
          labels[id] = Self.label(rest)
          if let marker = rest.range(of: "\"]:::") {
            classes[id] = String(rest[marker.upperBound...])
          }
          if !groups.isEmpty { groups[groups.count - 1].nodes.append(id) }
        }
      }
    }

    /// `["a#34;b<br/>c"]` read as `a"b` and `c` joined by a line break.
    static func label(_ text: Substring) -> String {
      guard let start = text.range(of: "[\""), let end = text.range(of: "\"]", options: .backwards)
      else { return "" }
      var encoded = String(text[start.upperBound..<end.lowerBound])
      encoded = encoded.replacingOccurrences(of: "<br/>", with: "\n")
      var decoded = ""
      var rest = Substring(encoded)
      while let hash = rest.firstIndex(of: "#") {
        decoded += rest[..<hash]
        let code = rest[rest.index(after: hash)...].prefix { $0.isNumber }
        let semicolon = rest.index(hash, offsetBy: code.count + 1)
        guard let value = UInt32(code), semicolon < rest.endIndex, rest[semicolon] == ";",
          let scalar = Unicode.Scalar(value)
        else {
          decoded += "#"
          rest = rest[rest.index(after: hash)...]
          continue
        }
        decoded.unicodeScalars.append(scalar)
        rest = rest[rest.index(after: semicolon)...]
      }
      return decoded + rest
    }
  }

  @Test(arguments: references)
  func theFlowchartHasTheShapeOfTheModel(reference: String) throws {
    let procedure = try Self.procedure(reference)
    let parsed = Parsed(try Self.mermaid(in: Runbook.render(procedure, generator: "test")))
    // A group per phase, in order, holding its steps' boxes in order.
    #expect(
      parsed.groups.map(\.title)
        == procedure.phases.enumerated().map {
          "Phase \($0.offset + 1): \($0.element.title)"
        })
    var number = 0
    var expectedEdges: [String] = []
    for (phaseIndex, phase) in procedure.phases.enumerated() {
      let ids = phase.steps.indices.map { "s\(number + $0 + 1)" }
      #expect(parsed.groups[phaseIndex].nodes == ids, "\(phase.id)")
      // Stages: a step alone, or a run of steps of one concurrent group.
      var stages: [[String]] = []
      for (index, step) in phase.steps.enumerated() {
        number += 1
        let id = "s\(number)"
        let label = try #require(parsed.labels[id])
        #expect(label.hasPrefix("\(number). \(step.title)"), "\(label)")
        #expect(label.contains("DESTRUCTIVE") == step.isDestructive, "\(label)")
        #expect(label.contains("manual") == step.isManual, "\(label)")
        #expect(label.contains("optional: ") == (step.enabledBy != nil), "\(label)")
        let expectedClass =
          step.isDestructive
          ? "destructive" : step.enabledBy != nil ? "optional" : step.isManual ? "manual" : nil
        #expect(parsed.classes[id] == expectedClass, "\(id)")
        let previous = index > 0 ? phase.steps[index - 1].concurrentGroup : nil
        if let group = step.concurrentGroup, group == previous {
          stages[stages.count - 1].append(id)
        } else {
          stages.append([id])
        }
      }
      for (before, after) in zip(stages, stages.dropFirst()) {
        for from in before { for to in after { expectedEdges.append("\(from) --> \(to)") } }
      }
    }
    for index in procedure.phases.indices.dropLast() {
      expectedEdges.append("p\(index + 1) --> p\(index + 2)")
    }
    #expect(parsed.edges == expectedEdges)
  }

  @Test func concurrentStepsStandSideBySide() throws {
    let procedure = try Self.procedure("pachyderm@1.0")
    let parsed = Parsed(try Self.mermaid(in: Runbook.render(procedure, generator: "test")))
    let grouped = procedure.orderedSteps.enumerated().filter {
      $0.element.step.concurrentGroup != nil
    }
    #expect(grouped.count >= 2, "Pachyderm's backup and bucket clone run at the same time")
    let ids = grouped.map { "s\($0.offset + 1)" }
    let before = "s\(grouped[0].offset)"
    for id in ids {
      #expect(parsed.edges.contains("\(before) --> \(id)"))
      #expect(!ids.contains { parsed.edges.contains("\(id) --> \($0)") })
    }
  }

  @Test(arguments: references)
  func everyStepHasItsStableAnchorOnce(reference: String) throws {
    let procedure = try Self.procedure(reference)
    let runbook = Runbook.render(procedure, generator: "test")
    let lines = runbook.split(separator: "\n").map(String.init)
    for entry in procedure.orderedSteps {
      let anchor = RunbookAnchor.step(entry.step.id)
      let holders = lines.filter { $0.contains("<a id=\"\(anchor)\"></a>") }
      #expect(holders.count == 1, "\(anchor)")
      #expect(holders.first?.hasPrefix("### <a id=\"\(anchor)\"></a>Step ") == true)
    }
    let document = RunbookTranslator.translate(procedure, generator: "test")
    #expect(Set(document.fragments).count == document.fragments.count, "fragments are unique")
    #expect(
      Set(procedure.orderedSteps.map { RunbookAnchor.step($0.step.id) })
        .isSubset(of: document.fragments))
  }
}
