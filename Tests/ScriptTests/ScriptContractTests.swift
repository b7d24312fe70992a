import Catalog
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// The contract every generated script keeps, checked by running it.
@Suite struct ScriptContractTests {
  @Test func helpListsPhasesStepsParametersAndExitStatuses() throws {
    let harness = try CMLWorkspace.harness()
    let result = try harness.run(["--help"])
    #expect(result.status == 0)
    let help = result.standardOutput
    #expect(help.hasPrefix("Usage: migrate.sh [PHASE...] [OPTIONS]"))
    #expect(help.contains("  export  Export data from CDSW (runs on the CDSW master host)"))
    #expect(help.contains("  --namespace VALUE, NAMESPACE"))
    #expect(help.contains("default: mlx"))
    #expect(help.contains("   19  import   copy-project-files"))
    #expect(help.contains("  4         the operator declined a confirmation or gave no answer"))
    #expect(help.contains("  5         another run holds the lock of the state file"))
    #expect(help.contains("  --resume  "))
    #expect(harness.calls.isEmpty)
  }

  @Test func listPrintsTheNumberedStepsOfAPhaseAndRunsNothing() throws {
    let harness = try CMLWorkspace.harness()
    let result = try harness.run(["export", "--list"])
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 7)
    #expect(lines.first?.hasPrefix("  1  export   confirm-full-backup") == true)
    #expect(harness.calls.isEmpty)
  }

  @Test(
    arguments: Catalog.procedures.flatMap { procedure in
      procedure.phases.map { (procedure.reference, $0.id) }
    })
  func dryRunAndListExecuteNoCommand(reference: String, phase: String) throws {
    let procedure = try #require(Catalog.procedure(reference))
    let tools = procedure.derivedTools
    let harness = try ScriptHarness(
      script: BashScript.render(procedure, generator: Outputs.generator),
      stubs: tools.filter { !$0.hasPrefix("${") })
    // A value of its own for each: a rule may require two to differ.
    let required = procedure.parameters.filter(\.isRequired).flatMap {
      [$0.flag, "example-\($0.name.lowercased())"]
    }
    let result = try harness.run([phase, "--dry-run"] + required)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.calls.isEmpty, "dry run called: \(harness.calls)")
    let list = try harness.run([phase, "--list"] + required)
    #expect(list.status == 0)
    #expect(harness.calls.isEmpty, "--list called: \(harness.calls)")
    #expect(
      result.standardOutput.contains("Dry run: printing the commands of each step; nothing is run.")
    )
  }

  @Test func dryRunShowsCommandsWithParametersExpanded() throws {
    let harness = try CMLWorkspace.harness()
    let result = try harness.run(["import", "--dry-run", "--namespace", "prod-ml"])
    #expect(result.status == 0)
    #expect(
      result.standardOutput.contains(#"    kubectl scale statefulset -n "prod-ml" db --replicas=0"#)
    )
    #expect(result.standardOutput.contains("      namespace: prod-ml"))
    // Variables of the step itself stay as written.
    #expect(
      result.standardOutput.contains(
        #"kubectl delete job "${migration_job}" -n "prod-ml" --ignore-not-found"#))
  }

  @Test func aMissingToolExitsThreeNamingItBeforeAnyStep() throws {
    let harness = try CMLWorkspace.harness()
    // A PATH with every tool the script needs except kubectl.
    let tools = try TemporaryFolder()
    defer { tools.remove() }
    for tool in Set(CML.version1.derivedTools + ["tee", "rm", "mkdir", "rmdir", "sleep"])
    where tool != "kubectl" {
      let target =
        tool == "tar" || tool == "sleep"
        ? harness.folder.file("stub.bash") : ProcessRunner.which(tool)
      try FileManager.default.createSymbolicLink(
        atPath: tools.file(tool), withDestinationPath: try #require(target))
    }
    let result = try harness.run(["import", "--yes"], path: tools.path)
    #expect(result.status == 3)
    #expect(result.standardError.contains("required tools not found on PATH: kubectl"))
    #expect(!result.standardOutput.contains("[1/"))
    #expect(harness.calls.isEmpty)
  }

  @Test func aFailedPreflightCheckExitsThree() throws {
    let harness = try CMLWorkspace.harness()
    try harness.rule("kubectl", "api-versions", status: "1", output: "", overriding: true)
    let result = try harness.run(["import", "--yes"])
    #expect(result.status == 3)
    #expect(result.standardError.contains("preflight failed: kubectl reaches the cluster"))
    #expect(harness.commandCalls == ["kubectl api-versions"])
  }

  @Test func aMissingRequiredParameterExitsTwoBeforeAnyStep() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool"])
    let result = try harness.run(["--yes"])
    #expect(result.status == 2)
    #expect(
      result.standardError.contains(
        "missing required parameter TARGET: give --target VALUE or set TARGET"))
    #expect(harness.calls.isEmpty)
  }

  @Test func parametersComeFromFlagsOrTheEnvironment() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool"])
    try harness.rule("tool", "status *", output: "ready\n")
    let fromEnvironment = try harness.run(["--yes"], environment: ["TARGET": "env-target"])
    #expect(fromEnvironment.status == 0, "\(fromEnvironment.standardError)")
    #expect(harness.commandCalls.first == "tool greet env-target --token '' --mode safe")
    harness.clearCalls()
    let fromFlags = try harness.run(
      ["--yes", "--target=flag-target", "--mode", "fast"], environment: ["TARGET": "env"])
    #expect(fromFlags.status == 0)
    #expect(harness.commandCalls.first == "tool greet flag-target --token '' --mode fast")
  }

  @Test func anInvalidChoiceOrNumberIsAUsageError() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool"])
    let choice = try harness.run(["--target", "t", "--mode", "reckless"])
    #expect(choice.status == 2)
    #expect(choice.standardError.contains("--mode must be one of safe, fast, not 'reckless'"))
    let cml = try CMLWorkspace.harness()
    let number = try cml.run(["import", "--wait-timeout", "soon"])
    #expect(number.status == 2)
    #expect(number.standardError.contains("--wait-timeout must be a whole number, not 'soon'"))
    #expect(cml.calls.isEmpty && harness.calls.isEmpty)
  }

  @Test(arguments: [["--bogus"], ["import", "--namespace"], ["deploy"], []])
  func usageErrorsExitTwo(arguments: [String]) throws {
    let harness = try CMLWorkspace.harness()
    let result = try harness.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains("Run 'migrate.sh --help' for usage."))
    #expect(harness.calls.isEmpty)
  }

  @Test func aSecretIsNeverPrinted() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool"])
    try harness.rule("tool", "status *", output: "ready\n")
    let dryRun = try harness.run(["--dry-run", "--target", "t", "--token", "s3cr3t-value"])
    let run = try harness.run(["--yes", "--target", "t", "--token", "s3cr3t-value"])
    #expect(run.status == 0)
    for output in [
      dryRun.standardOutput, dryRun.standardError, run.standardOutput, run.standardError,
    ] {
      #expect(!output.contains("s3cr3t-value"))
    }
    #expect(dryRun.standardOutput.contains("  TOKEN=***"))
    #expect(dryRun.standardOutput.contains(#"--token "***""#))
    // The tool itself does get the value.
    #expect(harness.commandCalls.first == "tool greet t --token s3cr3t-value --mode safe")
  }

  @Test func aManualStepWaitsForDoneAndItsCheckAnswersUnderYes() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool"])
    try harness.rule("tool", "status *", output: "ready\n")
    let interactive = try harness.run(["--target", "t"], input: "later\ndone\nyes\n")
    #expect(interactive.status == 0, "\(interactive.standardError)")
    #expect(interactive.standardOutput.contains("Check the target's dashboard."))
    let unattended = try harness.run(["--target", "t", "--yes"])
    #expect(unattended.status == 0)
    #expect(unattended.standardOutput.contains("Checked automatically."))
  }

  @Test func aManualStepWithoutACheckStopsUnderYes() throws {
    let harness = try CMLWorkspace.harness()
    let result = try harness.run(["export", "--yes", "--work-dir", harness.folder.file("work")])
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "step confirm-full-backup needs an operator, and --yes cannot answer for one"))
    #expect(harness.commandCalls == ["kubectl api-versions"])
  }

  @Test func declinedConfirmationExitsFourAndDestroysNothing() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool"])
    try harness.rule("tool", "status *", output: "ready\n")
    let result = try harness.run(["--target", "t"], input: "done\nno\n")
    #expect(result.status == 4)
    #expect(result.standardOutput.contains("Type yes to destroy everything on the target"))
    #expect(!harness.commandCalls.contains { $0.hasPrefix("tool wipe") })
  }

  @Test func anOptionalStepRunsOnlyWhenItsParameterSaysYes() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool"])
    try harness.rule("tool", "status *", output: "ready\n")
    let without = try harness.run(["--yes", "--target", "t"])
    #expect(without.status == 0)
    #expect(
      without.standardOutput.contains(
        "Notify the owner: skipped (optional; runs when NOTIFY is yes)"))
    #expect(!harness.commandCalls.contains { $0.hasPrefix("tool notify") })
    harness.clearCalls()
    let with = try harness.run(["--yes", "--target", "t", "--notify", "yes"])
    #expect(with.status == 0)
    #expect(harness.commandCalls.last == "tool notify t")
    let invalid = try harness.run(["--yes", "--target", "t", "--notify", "maybe"])
    #expect(invalid.status == 2)
    #expect(invalid.standardError.contains("--notify must be yes or no, not 'maybe'"))
  }

  @Test func fromSkipsTheStepsBeforeIt() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool"])
    let result = try harness.run(["--target", "t", "--yes", "--from", "3", "--to", "wipe"])
    #expect(result.status == 0)
    #expect(harness.commandCalls == ["tool wipe t"])
    let unknown = try harness.run(["--target", "t", "--from", "wipe-all"])
    #expect(unknown.status == 2)
    #expect(unknown.standardError.contains("unknown step 'wipe-all'"))
  }

  @Test(arguments: Catalog.procedures.map(\.reference))
  func everyScriptPassesBashSyntaxCheckAndShellcheck(reference: String) throws {
    let procedure = try #require(Catalog.procedure(reference))
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(BashScript.render(procedure, generator: Outputs.generator), to: "migrate.sh")
    let syntax = try ProcessRunner.run(ProcessRunner.bash, ["-n", folder.file("migrate.sh")])
    #expect(syntax.status == 0, "\(syntax.standardError)")
    let shellcheck = try #require(
      ProcessRunner.which("shellcheck"),
      "shellcheck is not installed: .ci/run installs it (apt-get install shellcheck)")
    let lint = try ProcessRunner.run(shellcheck, ["-f", "gcc", folder.file("migrate.sh")])
    #expect(lint.status == 0)
    #expect(lint.standardOutput.isEmpty, "\(lint.standardOutput)")
  }
}
