/// The reviewer's one-minute reading of a `ProcedureDiff` as plain text,
/// what `gen-migration diff` prints: a count by risk class, a tally of the
/// steps, then the changes grouped by class, safety first, each with its
/// command or text lines under it.
///
/// ```
/// demo@1.0 → demo@2.0: 2 changes (1 safety, 1 behaviour)
/// steps: 1 changed
///
/// Safety (1):
///   TOKEN is no longer secret: its value is shown and recorded
///
/// Behaviour (1):
///   commands of step deploy:
///       - helm install app
///       + helm upgrade --install app
/// ```
public enum DiffSummary {
  public static func text(_ diff: ProcedureDiff) -> String {
    guard !diff.isEmpty else { return "no difference between \(diff.from) and \(diff.to)\n" }
    var out = "\(diff.from) → \(diff.to): \(counts(diff))\n"
    if let tally = stepTally(diff) { out += tally + "\n" }
    for risk in RiskClass.allCases {
      let entries = diff.entries(risk)
      guard !entries.isEmpty else { continue }
      out += "\n\(risk.heading) (\(entries.count)):\n"
      for entry in entries {
        let text = ChangeText.describe(entry)
        out += "  " + text.plain + "\n"
        for line in text.details { out += "      " + line + "\n" }
      }
    }
    return out
  }

  /// "3 changes (1 safety, 2 wording)".
  public static func counts(_ diff: ProcedureDiff) -> String {
    let parts = RiskClass.allCases.compactMap { risk -> String? in
      let count = diff.entries(risk).count
      return count == 0 ? nil : "\(count) \(risk.rawValue)"
    }
    let total = diff.entries.count
    return "\(total) change\(total == 1 ? "" : "s") (\(parts.joined(separator: ", ")))"
  }

  /// "steps: 12 added, 1 replaced, 13 changed", or nil when no step changed.
  public static func stepTally(_ diff: ProcedureDiff) -> String? {
    var added = 0
    var removed = 0
    var replaced = 0
    var renamed = 0
    var moved = 0
    var changed: [String] = []
    for change in diff.changes {
      switch change {
      case .stepAdded: added += 1
      case .stepRemoved: removed += 1
      case .stepReplaced: replaced += 1
      case .stepRenamed: renamed += 1
      case .stepMoved: moved += 1
      case .destroys(let id, _, _), .commands(let id, _, _), .wait(let id, _, _),
        .instruction(let id, _, _), .choice(let id, _, _), .retry(let id, _, _),
        .cleanup(let id, _, _), .optional(let id, _, _), .concurrency(let id, _, _),
        .sources(let id, _, _), .check(.step(let id), _, _), .admonition(.step(let id), _, _),
        .title(.step(let id), _, _), .explanation(.step(let id), _, _):
        if !changed.contains(id) { changed.append(id) }
      case .check, .admonition, .title, .explanation, .phaseAdded, .phaseRemoved, .phaseOrder,
        .runsOn, .pin, .prerequisite, .section, .parameterAdded, .parameterRemoved,
        .parameterDefault, .parameterRequired, .parameterSecret, .parameterKind,
        .parameterChoices, .parameterMeaning, .parameterPhases, .parameterRules, .tool, .access,
        .limitation, .correction, .omission, .source, .stateDirectory:
        break
      }
    }
    let tally = [
      (added, "added"), (removed, "removed"), (replaced, "replaced"), (renamed, "renamed"),
      (moved, "moved"), (changed.count, "changed"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    return tally.isEmpty ? nil : "steps: " + tally.joined(separator: ", ")
  }
}
