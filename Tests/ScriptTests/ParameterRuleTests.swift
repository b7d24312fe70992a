import Foundation
import Model
import Templates
import TestSupport
import Testing

/// Parameter rules: a value that must differ from another's, a parameter
/// required when another has a value, a value that must name a readable
/// file. Each is refused before any step runs, with a message naming the
/// flags, and stated in the runbook's parameters table.
@Suite struct ParameterRuleTests {
  static let procedure = Procedure(
    id: "rules", title: "Rules", version: "1.0", summary: "Exercises parameter rules.",
    parameters: {
      Parameter("SESSION", "Session of the export.", required: true)
      Parameter(
        "DST_SESSION", "Session of the validation export.", rules: [.differsFrom("SESSION")])
      Parameter("CLOUD", "The cloud.", default: "aws", choices: ["aws", "azure"])
      Parameter(
        "TENANT", "The Azure tenant.", rules: [.requiredWhen(parameter: "CLOUD", value: "azure")])
      Parameter("CONFIG", "The configuration.", required: true, rules: [.existingFile])
    },
    phases: {
      Phase(id: "main", title: "Main", runsOn: "any machine") {
        Section("Work") {
          Step("export", "Export") {
            ShellCommand(
              #"tool export "${SESSION}" "${DST_SESSION}" "${CLOUD}" "${TENANT}" "${CONFIG}""#)
          }
        }
      }
    })

  static var script: String { BashScript.render(procedure, generator: Outputs.generator) }

  /// Runs the script with `arguments` in a harness that holds `config.yml`.
  private func run(_ arguments: [String]) throws -> (ScriptHarness, ProcessResult) {
    let harness = try ScriptHarness(script: Self.script, stubs: ["tool"])
    try harness.folder.write("a: 1\n", to: "config.yml")
    let result = try harness.run(arguments + ["--yes"])
    return (harness, result)
  }

  @Test func valuesThatKeepEveryRuleRun() throws {
    let (harness, result) = try run([
      "--session", "s1", "--dst-session", "s2", "--cloud", "azure", "--tenant", "t",
      "--config", "config.yml",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.commandCalls == ["tool export s1 s2 azure t config.yml"])
    #expect(result.standardOutput.contains("ok: CONFIG names an existing, readable file"))
  }

  @Test func aValueEqualToTheOneItMustDifferFromIsAUsageError() throws {
    let (harness, result) = try run([
      "--session", "s1", "--dst-session", "s1", "--config", "config.yml",
    ])
    #expect(result.status == 2)
    #expect(
      result.standardError.contains("--dst-session must differ from --session, and both are 's1'"))
    #expect(harness.calls.isEmpty)
  }

  @Test func anEmptyValueNeedNotDiffer() throws {
    let (_, result) = try run(["--session", "s1", "--config", "config.yml"])
    #expect(result.status == 0, "\(result.standardError)")
  }

  @Test func aParameterRequiredWhenAnotherHasAValueIsRequiredThenOnly() throws {
    let (harness, refused) = try run([
      "--session", "s1", "--cloud", "azure", "--config", "config.yml",
    ])
    #expect(refused.status == 2)
    #expect(
      refused.standardError.contains(
        "missing parameter TENANT, required when CLOUD is azure: give --tenant VALUE or set TENANT")
    )
    #expect(harness.calls.isEmpty)
    let (_, accepted) = try run(["--session", "s1", "--cloud", "aws", "--config", "config.yml"])
    #expect(accepted.status == 0, "\(accepted.standardError)")
  }

  @Test func aFileThatIsMissingFailsPreflightButNotADryRun() throws {
    let (harness, result) = try run(["--session", "s1", "--config", "missing.yml"])
    #expect(result.status == 3)
    #expect(
      result.standardError.contains(
        "CONFIG is 'missing.yml', which is not an existing, readable file"))
    #expect(
      result.standardError.contains("preflight failed: CONFIG names an existing, readable file"))
    #expect(harness.calls.isEmpty)
    let (_, folderGiven) = try run(["--session", "s1", "--config", "."])
    #expect(folderGiven.status == 3)
    let (_, dryRun) = try run(["--session", "s1", "--config", "missing.yml", "--dry-run"])
    #expect(dryRun.status == 0, "\(dryRun.standardError)")
  }

  @Test func theRunbookStatesEachRule() {
    let runbook = Runbook.render(Self.procedure, generator: Outputs.generator)
    // A parameter is a list item, wrapped: read each item on one line.
    let rows = runbook.components(separatedBy: "\n- ").map {
      $0.replacingOccurrences(of: "\n  ", with: " ")
    }
    #expect(
      rows.contains {
        $0.hasPrefix("**`DST_SESSION`**") && $0.contains("Must differ from SESSION.")
      })
    #expect(
      rows.contains { $0.hasPrefix("**`TENANT`**") && $0.contains("Required when CLOUD is azure.") }
    )
    #expect(
      rows.contains {
        $0.hasPrefix("**`CONFIG`**") && $0.contains("Must name an existing, readable file.")
      })
  }

  @Test func rulesRoundTripThroughJSONAndNoRulesWriteNoKey() throws {
    let data = try Procedure.canonicalEncoder.encode(Self.procedure)
    #expect(try JSONDecoder().decode(Procedure.self, from: data) == Self.procedure)
    let plain = try Procedure.canonicalEncoder.encode(SampleProcedure.procedure)
    #expect(!String(decoding: plain, as: UTF8.self).contains("\"rules\""))
  }

  @Test(arguments: [
    (ParameterRule.differsFrom("NOPE"), "names NOPE, which is not a declared parameter"),
    (.differsFrom("DST_SESSION"), "names DST_SESSION itself"),
    (.requiredWhen(parameter: "CLOUD", value: "gcp"), "which CLOUD can never be (aws, azure)"),
  ])
  func aRuleThatCannotHoldIsAnError(rule: ParameterRule, message: String) {
    var procedure = Self.procedure
    procedure.parameters[1].rules = [rule]
    let errors = procedure.validate().filter { $0.rule == "invalid-parameter-rule" }
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains(message) == true, "\(errors)")
  }

  @Test func aRequiredWhenOnARequiredParameterAndAFileOnANumberAreErrors() {
    var procedure = Self.procedure
    procedure.parameters[0].rules = [.requiredWhen(parameter: "CLOUD", value: "aws")]
    procedure.parameters[2].kind = .integer
    procedure.parameters[2].choices = []
    procedure.parameters[2].defaultValue = "1"
    procedure.parameters[2].rules = [.existingFile]
    let messages = procedure.validate().filter { $0.rule == "invalid-parameter-rule" }.map(
      \.message)
    #expect(messages.contains { $0.contains("SESSION is required anyway") })
    #expect(messages.contains { $0.contains("CLOUD names a file, so its kind must be text") })
  }
}
