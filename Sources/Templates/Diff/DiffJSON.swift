import Foundation
import Model

/// A `ProcedureDiff` as JSON, what `diff --format json` prints: the two
/// versions, the count of each risk class, and every change with its class,
/// the typed change (old and new values), its sentence, and for a safety
/// change the reason:
///
/// ```json
/// {"from": "demo@1.0", "to": "demo@2.0", "counts": {"safety": 1, ...},
///  "changes": [{"risk": "safety", "reason": "a secret becomes visible",
///    "text": "TOKEN is no longer secret: ...",
///    "change": {"parameterSecret": {"name": "TOKEN", "old": true, "new": false}}}]}
/// ```
public enum DiffJSON {
  struct Document: Encodable {
    var from: String
    var to: String
    var counts: [String: Int]
    var changes: [Change]
  }

  struct Change: Encodable {
    var risk: RiskClass
    var reason: String?
    var text: String
    var change: ProcedureChange
  }

  public static func render(_ diff: ProcedureDiff) -> String {
    let document = Document(
      from: diff.from, to: diff.to,
      counts: Dictionary(
        uniqueKeysWithValues: RiskClass.allCases.map { ($0.rawValue, diff.entries($0).count) }),
      changes: diff.entries.map {
        Change(
          risk: $0.risk, reason: $0.reason, text: ChangeText.describe($0.change).plain,
          change: $0.change)
      })
    let data = (try? Procedure.canonicalEncoder.encode(document)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
