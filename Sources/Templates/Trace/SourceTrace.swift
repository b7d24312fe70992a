import Model

/// How a procedure accounts for each command line of its source document:
/// the steps that carry it (`Step.sources`), the corrections that change it
/// (`Correction.changes`) and the omissions that leave it out with a reason
/// (`Procedure.omissions`). A reference matches every command line that
/// holds its snippet, or only the one on its line number when it has one
/// (`465: ...`). A line none of them matches is unaccounted for;
/// a reference that matches no line is stale. `gen-migration trace` prints
/// this, and fails when either list is not empty.
public struct SourceTrace: Codable, Equatable, Sendable {
  public struct Entry: Codable, Equatable, Sendable {
    public var line: Int
    public var text: String
    /// The ids of the steps that carry it.
    public var steps: [String]
    /// The titles of the corrections that change it.
    public var corrections: [String]
    /// The reasons of the omissions that leave it out.
    public var omissions: [String]

    public var isAccounted: Bool { !(steps.isEmpty && corrections.isEmpty && omissions.isEmpty) }
  }

  /// A reference that matches no command line of the source: a snippet with
  /// a typo, or of a line the source does not have.
  public struct StaleReference: Codable, Equatable, Sendable {
    /// `step save-site-config`, `correction "title"` or `omission 3`.
    public var owner: String
    public var snippet: String
  }

  public var procedure: String
  public var entries: [Entry]
  public var staleReferences: [StaleReference]

  public var unaccounted: [Entry] { entries.filter { !$0.isAccounted } }
  public var isComplete: Bool { unaccounted.isEmpty && staleReferences.isEmpty }

  /// Matches every reference of `procedure` against `lines`.
  public static func trace(_ procedure: Procedure, lines: [SourceCommandLine]) -> SourceTrace {
    let normalized = lines.map { SourceReference.normalize($0.text) }
    var entries = lines.map {
      Entry(line: $0.line, text: $0.text, steps: [], corrections: [], omissions: [])
    }
    var stale: [StaleReference] = []
    func mark(
      _ reference: SourceReference, owner: String, _ record: (inout Entry) -> Void
    ) {
      let wanted = reference.normalizedLines
      var found = false
      if !wanted.isEmpty, wanted.count <= normalized.count {
        for start in 0...(normalized.count - wanted.count)
        where reference.line.map({ lines[start].line == $0 }) ?? true
          && wanted.indices.allSatisfy({ normalized[start + $0].contains(wanted[$0]) })
        {
          found = true
          for offset in wanted.indices { record(&entries[start + offset]) }
        }
      }
      if !found { stale.append(StaleReference(owner: owner, snippet: reference.snippet)) }
    }
    func appendOnce(_ value: String, to list: inout [String]) {
      if !list.contains(value) { list.append(value) }
    }
    for (_, step) in procedure.orderedSteps {
      for reference in step.sources {
        mark(reference, owner: "step \(step.id)") { appendOnce(step.id, to: &$0.steps) }
      }
    }
    for correction in procedure.corrections {
      for reference in correction.changes {
        mark(reference, owner: "correction \"\(correction.title)\"") {
          appendOnce(correction.title, to: &$0.corrections)
        }
      }
    }
    for (index, omission) in procedure.omissions.enumerated() {
      mark(omission.line, owner: "omission \(index + 1)") {
        appendOnce(omission.reason, to: &$0.omissions)
      }
    }
    return SourceTrace(procedure: procedure.reference, entries: entries, staleReferences: stale)
  }

  /// One summary line, then each command line with what accounts for it:
  ///
  /// ```
  /// 12: kubectl scale statefulset -n ${NAMESPACE} db --replicas=0
  ///     step stop-database
  /// 40: watch -n 5 kubectl get pods
  ///     omitted: a monitoring aid; the script's waits poll instead
  /// ```
  public var text: String {
    var out: [String] = []
    for entry in entries {
      let shown = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
      out.append("\(entry.line): \(shown.first ?? "")")
      if shown.count > 1 { out.append("    (+\(shown.count - 1) lines of here-document)") }
      for step in entry.steps { out.append("    step \(step)") }
      for title in entry.corrections { out.append("    correction: \(title)") }
      for reason in entry.omissions { out.append("    omitted: \(reason)") }
      if !entry.isAccounted { out.append("    UNACCOUNTED: no step, correction or omission") }
    }
    for reference in staleReferences {
      out.append("stale reference of \(reference.owner): \(reference.snippet)")
    }
    out.append(summary)
    return out.joined(separator: "\n") + "\n"
  }

  public var counts: Counts {
    Counts(
      commandLines: entries.count,
      carriedBySteps: entries.filter { !$0.steps.isEmpty }.count,
      changedByCorrections: entries.filter { !$0.corrections.isEmpty }.count,
      omitted: entries.filter { !$0.omissions.isEmpty }.count,
      unaccounted: unaccounted.count, staleReferences: staleReferences.count)
  }

  public struct Counts: Codable, Equatable, Sendable {
    public var commandLines: Int
    public var carriedBySteps: Int
    public var changedByCorrections: Int
    public var omitted: Int
    public var unaccounted: Int
    public var staleReferences: Int
  }

  /// `cml@1.0: 120 command lines: 100 carried by steps, 12 changed by
  /// corrections, 8 omitted (a line may count more than once), 0 unaccounted,
  /// 0 stale references`.
  public var summary: String {
    let c = counts
    return
      "\(procedure): \(c.commandLines) command lines: \(c.carriedBySteps) carried by steps, \(c.changedByCorrections) changed by corrections, \(c.omitted) omitted (a line may count more than once), \(c.unaccounted) unaccounted, \(c.staleReferences) stale reference\(c.staleReferences == 1 ? "" : "s")"
  }
}
