import Foundation
import Model

/// Lint's findings as CI reads them: each with the file it came from (when
/// a file was linted) and the JSON path of its step in the procedure
/// (`phases[0].sections[1].steps[2]`), as JSON or as SARIF 2.1.0 for
/// code-scanning tools.
struct LintReport {
  struct Finding: Encodable {
    var severity: Diagnostic.Severity
    var rule: String
    var procedure: String
    var step: String?
    var message: String
    var file: String?
    var path: String?
  }

  var findings: [Finding] = []

  /// Adds a procedure's findings; `file` is the procedure file linted, if any.
  mutating func add(_ diagnostics: [Diagnostic], of procedure: Procedure, file: String?) {
    for diagnostic in diagnostics {
      findings.append(
        Finding(
          severity: diagnostic.severity, rule: diagnostic.rule, procedure: diagnostic.procedure,
          step: diagnostic.step, message: diagnostic.message, file: file,
          path: diagnostic.step.flatMap { Self.path(of: $0, in: procedure) }))
    }
  }

  /// The JSON path of the first step with this id.
  static func path(of step: String, in procedure: Procedure) -> String? {
    for (phaseIndex, phase) in procedure.phases.enumerated() {
      for (sectionIndex, section) in phase.sections.enumerated() {
        if let stepIndex = section.steps.firstIndex(where: { $0.id == step }) {
          return "phases[\(phaseIndex)].sections[\(sectionIndex)].steps[\(stepIndex)]"
        }
      }
    }
    return nil
  }

  var json: String {
    let data = (try? Procedure.canonicalEncoder.encode(findings)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// One SARIF run: the driver `gen-migration` with the rules that found
  /// something, and a result per finding with its level, message and
  /// location (the file, and the step's JSON path as a logical location).
  var sarif: String {
    let rules = Array(Set(findings.map(\.rule))).sorted()
    let results = findings.map { finding in
      var location = Sarif.Location()
      if let file = finding.file {
        location.physicalLocation = .init(artifactLocation: .init(uri: file))
      }
      let name = [finding.procedure, finding.path].compactMap { $0 }.joined(separator: " ")
      location.logicalLocations = [
        .init(
          name: finding.step ?? finding.procedure, fullyQualifiedName: name,
          kind: finding.step == nil ? "module" : "member")
      ]
      return Sarif.Result(
        ruleId: finding.rule, ruleIndex: rules.firstIndex(of: finding.rule) ?? 0,
        level: finding.severity.rawValue,
        message: .init(text: "\(finding.procedure): \(finding.message)"), locations: [location])
    }
    let log = Sarif.Log(
      runs: [
        .init(
          tool: .init(
            driver: .init(
              rules: rules.map {
                .init(id: $0, shortDescription: .init(text: "gen-migration lint rule \($0)"))
              })), results: results)
      ])
    let data = (try? Procedure.canonicalEncoder.encode(log)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}

/// The part of SARIF 2.1.0 lint writes.
enum Sarif {
  struct Log: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]
    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }
  struct Run: Encodable {
    var tool: Tool
    var results: [Result]
  }
  struct Tool: Encodable { var driver: Driver }
  struct Driver: Encodable {
    var name = "gen-migration"
    var rules: [Rule]
  }
  struct Rule: Encodable {
    var id: String
    var shortDescription: Text
  }
  struct Text: Encodable { var text: String }
  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Text
    var locations: [Location]
  }
  struct Location: Encodable {
    var physicalLocation: Physical?
    var logicalLocations: [Logical] = []
  }
  struct Physical: Encodable { var artifactLocation: Artifact }
  struct Artifact: Encodable { var uri: String }
  struct Logical: Encodable {
    var name: String
    var fullyQualifiedName: String
    var kind: String
  }
}
