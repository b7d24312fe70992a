import Foundation
import Model
import Templates
import TestSupport
import Testing

/// Issue 8's hostile-text corpus: every payload in every text field of the
/// model is either refused, with a message that says where, or stays text:
/// the script passes `bash -n` and shellcheck; `--help`, `--list`,
/// `--dry-run` and a real run against stubs leave no canary, run only the
/// model's tools, with the arguments a plain value gives; the runbook keeps
/// the structure a plain value gives, and holds no control character and no
/// `<script`.
@Suite struct HostileTextTests {
  @Test func baseProcedureValidatesAndLintsWithoutErrors() {
    #expect(HostileBaseProcedure.procedure.validate().filter { $0.severity == .error } == [])
    let base = HostileCase(HostileFields.all[0], "base", HostileBaseProcedure.procedure.id)
    #expect(base.errors.map(\.description) == [])
  }

  @Test func baseProcedureRunsEveryWayWithoutFindings() throws {
    let base = HostileCase(HostileFields.all[0], "base", HostileBaseProcedure.procedure.id)
    let script = try #require(base.script)
    #expect(Self.staticProblems(of: [base]) == [[]])
    let run = try HostileRun(
      script: script, arguments: base.runArguments, writtenFile: base.writtenPath)
    for mode in HostileRun.Mode.allCases {
      let outcome = try #require(run.outcomes[mode])
      #expect(outcome.status == 0, "\(mode.rawValue): \(outcome.standardError)")
      #expect(!outcome.canary)
      #expect(Set(outcome.programs).isSubset(of: HostileBaseProcedure.tools))
    }
    let real = try #require(run.outcomes[.real])
    #expect(
      real.arguments.contains([
        "greet", "the-target", "--greeting", "hello", "--mode", "safe", "--token", "",
      ]))
    #expect(real.arguments.contains(["notify", "the-target"]))
    #expect(real.standardInput == ["SELECT 'loaded';"])
    #expect(run.writtenFile == "target: the-target\n")
  }

  @Test(arguments: HostileFields.all)
  func hostileTextIsRefusedWithItsPlaceOrStaysText(field: HostileField) throws {
    let plain = HostileCase(field, "plain", field.plain)
    guard !plain.isRefused else {
      Issue.record("\(plain.name): the plain value is refused: \(plain.errors.map(\.description))")
      return
    }
    let cases = HostilePayloads.all.map { HostileCase(field, $0.name, $0.text) }
    for refused in cases where refused.isRefused {
      for problem in refused.refusalProblems { Issue.record("\(refused.name): \(problem)") }
    }
    let accepted = [plain] + cases.filter { !$0.isRefused }
    let staticProblems = Self.staticProblems(of: accepted)
    for (entry, problems) in zip(accepted, staticProblems) {
      for problem in problems { Issue.record("\(entry.name): \(problem)") }
    }
    let plainRun = try #require(try plain.run())
    for mode in HostileRun.Mode.allCases where plainRun.outcomes[mode]?.status != 0 {
      Issue.record(
        "\(plain.name): \(mode.rawValue) exits \(plainRun.outcomes[mode]?.status ?? -1): \(plainRun.outcomes[mode]?.standardError ?? "")"
      )
    }
    let plainStructure = RunbookStructure(try #require(plain.runbook))
    for entry in accepted {
      for problem in Self.runbookProblems(entry, comparedWith: plainStructure) {
        Issue.record("\(entry.name): \(problem)")
      }
      guard entry.label != "plain" else { continue }
      for problem in try Self.runProblems(entry, comparedWith: plainRun, plain: plain.value) {
        Issue.record("\(entry.name): \(problem)")
      }
    }
  }

  static func staticProblems(of cases: [HostileCase]) -> [[String]] {
    StaticChecks.shared.problems(
      of: cases.map { $0.checkedScript ?? "" }, fingerprints: cases.map(\.procedure.fingerprint),
      authorLines: cases.map(\.authorLines))
  }

  /// The runbook's headings, fences and tables equal the plain value's; no
  /// control character, no `<script`.
  static func runbookProblems(_ entry: HostileCase, comparedWith plain: RunbookStructure)
    -> [String]
  {
    guard let runbook = entry.runbook else { return [] }
    var problems: [String] = []
    let structure = RunbookStructure(runbook)
    if structure != plain {
      problems.append("the runbook's structure changes: \(structure), plain: \(plain)")
    }
    let controls = RunbookStructure.controlCharacters(in: runbook)
    if !controls.isEmpty { problems.append("the runbook holds control characters \(controls)") }
    if RunbookStructure.hasRawHTML("<script", in: runbook) {
      problems.append("the runbook holds a raw <script")
    }
    return problems
  }

  /// The four runs: no canary, only the model's tools, and the calls,
  /// standard input, written file and statuses of the plain value's runs
  /// with the plain value replaced by the payload.
  static func runProblems(
    _ entry: HostileCase, comparedWith plainRun: HostileRun, plain: String
  ) throws -> [String] {
    guard let run = try entry.run() else { return [] }
    func substituted(_ text: String) -> String {
      text.replacingOccurrences(of: plain, with: entry.value)
    }
    var problems: [String] = []
    for mode in HostileRun.Mode.allCases {
      guard let outcome = run.outcomes[mode], let expected = plainRun.outcomes[mode] else {
        continue
      }
      let label = "--" + (mode == .real ? "yes (a real run)" : mode.rawValue)
      if outcome.canary { problems.append("\(label) creates the canary: model text ran") }
      let foreign = outcome.programs.filter { !HostileBaseProcedure.tools.contains($0) }
      if !foreign.isEmpty { problems.append("\(label) runs \(Set(foreign).sorted())") }
      let mayFail = entry.systemMayRefusePath && (mode == .dryRun || mode == .real)
      if outcome.status != expected.status && !mayFail {
        problems.append(
          "\(label) exits \(outcome.status), plain \(expected.status): \(HostileCase.visible(lastLines(outcome.standardError)))"
        )
        continue
      }
      if mayFail && outcome.status != expected.status { continue }
      let arguments = expected.arguments.map { $0.map(substituted) }.sorted {
        $0.joined(separator: "\u{0}") < $1.joined(separator: "\u{0}")
      }
      if entry.payloadCanBeAnArgument && outcome.arguments != arguments {
        let extra = outcome.arguments.filter { !arguments.contains($0) }
        let missing = arguments.filter { !outcome.arguments.contains($0) }
        problems.append(
          "\(label) calls differ: unexpected \(extra.map { $0.map(HostileCase.visible) }), missing \(missing.map { $0.map(HostileCase.visible) })"
        )
      }
      let input = expected.standardInput.joined(separator: "\n").replacingOccurrences(
        of: entry.field.inStandardInput(plain), with: entry.field.inStandardInput(entry.value))
      if outcome.standardInput.joined(separator: "\n") != input {
        problems.append(
          "\(label) feeds the SQL client \(HostileCase.visible(outcome.standardInput.joined(separator: "\n"))), not \(HostileCase.visible(input))"
        )
      }
      if mode == .real, run.writtenFile != plainRun.writtenFile.map(substituted) {
        problems.append(
          "--yes writes \(run.writtenFile.map(HostileCase.visible) ?? "no file") to \(HostileCase.visible(entry.writtenPath)), not \(plainRun.writtenFile.map(substituted).map(HostileCase.visible) ?? "nothing")"
        )
      }
    }
    return problems
  }

  static func lastLines(_ text: String) -> String {
    text.split(separator: "\n").suffix(2).joined(separator: " / ")
  }
}

extension HostileCase {
  /// A NUL cannot reach a tool as an argument; such a payload's calls are
  /// not compared (its canary and programs still are).
  var payloadCanBeAnArgument: Bool { !value.unicodeScalars.contains("\u{0}") }
}
