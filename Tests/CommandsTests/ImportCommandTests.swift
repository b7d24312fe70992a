import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// `gen-migration import RUNBOOK`: a draft procedure whose every step
/// carries its source lines, so that trace of the draft against the
/// runbook accounts for every command line.
@Suite struct ImportCommandTests {
  static let seedNames = [
    "000_c03035f39e560ae8.txt", "001_41d052f03e3f1e65.txt", "002_bb3c1512aa9e7827.txt",
    "003_a2ec046d7078a9ac.txt", "004_06016e4614354de9.txt",
  ]

  static func seed(_ name: String) throws -> String {
    try String(
      contentsOf: TraceCommandTests.seeds.appendingPathComponent(name), encoding: .utf8)
  }

  @Test(arguments: seedNames)
  func importingASeedGivesADraftThatDecodesValidatesAndTracesComplete(_ name: String) throws {
    let text = try Self.seed(name)
    let draft = RunbookImport.draft(from: text, name: name)
    let decoded = try ProcedureInput.decode(JSONForm.render(draft.procedure), file: name)
    #expect(decoded == draft.procedure)
    let errors = decoded.validate().filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.description))")
    let lines = SourceCommandLines.extract(from: text)
    #expect(!lines.isEmpty)
    let trace = SourceTrace.trace(decoded, lines: lines)
    #expect(trace.unaccounted.isEmpty, "\(trace.unaccounted.map(\.text))")
    #expect(trace.staleReferences.isEmpty, "\(trace.staleReferences)")
  }

  @Test func theCMLSeedKeepsItsLoopsItsParameterAndItsTypoVisible() throws {
    let draft = RunbookImport.draft(
      from: try Self.seed("000_c03035f39e560ae8.txt"), name: "README.md")
    let procedure = draft.procedure
    #expect(procedure.title == "Cloudera Machine Learning Migration")
    #expect(
      procedure.phases.map(\.id) == [
        "exporting-data-from-cdsw", "importing-data-into-cml", "clean-up",
      ])
    let steps = procedure.orderedSteps.map(\.step)
    // A block's loop stays one shell command, as the runbook wrote it.
    #expect(
      steps.first?.actions == [
        .shell(
          ShellCommand(
            "for d in web feature-flags usage-reporter model-proxy cron; do\nkubectl scale deployment $d --replicas=0\ndone"
          ))
      ])
    #expect(
      steps.first?.sources.first
        == "42: for d in web feature-flags usage-reporter model-proxy cron; do")
    let parameters = Dictionary(uniqueKeysWithValues: procedure.parameters.map { ($0.name, $0) })
    #expect(parameters["NAMESPACE"]?.defaultValue == "mlx")
    // The clean-up phase runs on its own: TEMP_DIR, which another phase
    // assigns, is a parameter it must be given.
    #expect(parameters["TEMP_DIR"]?.isRequired == true)
    // The runbook's typo `$site_config` is a renamed parameter, and lint-visible.
    #expect(parameters["SITE_CONFIG"] != nil)
    #expect(
      steps.flatMap(\.actions).contains {
        $0.shellTexts.contains { $0.contains("/tmp/${SITE_CONFIG}.csv") }
      })
    let sql = steps.flatMap(\.actions).filter { $0.kind == .sql }
    #expect(sql.count == 5)
  }

  @Test func thePachydermSeedsPlaceholdersBecomeParametersAndItsOutputIsLeftOut() throws {
    let procedure = RunbookImport.draft(
      from: try Self.seed("001_41d052f03e3f1e65.txt"), name: "migration.md"
    ).procedure
    #expect(procedure.parameters.map(\.name) == ["CLUSTER_IP"])
    #expect(procedure.parameters.first?.meaning.contains("`<cluster ip>`") == true)
    let shell = procedure.orderedSteps.flatMap(\.step.actions).flatMap(\.shellTexts)
    #expect(
      shell.contains {
        $0.contains(
          "pachctl config update context `pachctl config get active-context` --pachd-address=${CLUSTER_IP}:30649"
        )
      })
    // What the console block shows after its prompts is output, not a command.
    #expect(!shell.contains { $0.contains("{{ config.pach_latest_version }}") })
    #expect(procedure.admonitions.first?.text.hasPrefix("If you need to upgrade Pachyderm") == true)
  }

  @Test func theAtlasDBSeedsDangerAndWarningsApplyToTheWholeProcedure() throws {
    let procedure = RunbookImport.draft(
      from: try Self.seed("003_a2ec046d7078a9ac.txt"), name: "kvs.rst"
    ).procedure
    #expect(procedure.admonitions.map(\.kind) == [.danger, .warning, .warning])
    #expect(procedure.phases.first?.sections.map(\.title) == ["Setup", "Migrate", "Validate"])
    #expect(procedure.orderedSteps.allSatisfy { $0.step.actions.allSatisfy { $0.kind == .shell } })
  }

  static let runbook = """
    # Rotate things

    Rotates the things.

    ## Prepare

    Set the namespace:

    ```bash
    NAMESPACE=mlx
    ```

    !!! warning
        The pods restart.

    Stop the web pods:

    ```console
    $ kubectl scale deployment web -n ${NAMESPACE} --replicas=0
    deployment.apps/web scaled
    ```

    > **Note:** Keep the old pod spec.

    Write the pod spec:

    ```bash
    cat > ${WORK_DIR}/pod.yaml <<EOF
    kind: Pod
    namespace: ${NAMESPACE}
    EOF
    cat >> ${WORK_DIR}/log.yaml <<EOF
    kind: Log
    EOF
    ```

    ## Change

    ### Database

    Clear the table:

    ```sql
    DELETE FROM sessions;
    ```

    Copy the file:

    ```bash
    kubectl cp db-0:/tmp/$site_config.csv ${WORK_DIR}/site.csv --context=<cluster name>
    ```

    ```python
    print("hello")
    ```

    Tell the users by mail.
    """

  @Test func headingsBlocksProseAndAdmonitionsBecomeTheDraft() throws {
    let draft = RunbookImport.draft(from: Self.runbook, name: "RUNBOOK.md")
    let procedure = draft.procedure
    #expect(procedure.title == "Rotate things")
    #expect(procedure.id == "rotate-things")
    #expect(procedure.summary == "Rotates the things.")
    #expect(procedure.source == "RUNBOOK.md")
    #expect(procedure.phases.map(\.title) == ["Prepare", "Change"])
    #expect(procedure.phases[1].sections.map(\.title) == ["Database"])
    let steps = procedure.orderedSteps.map(\.step)
    // NAMESPACE=mlx is a parameter, not a step; its line is an omission.
    #expect(steps.map(\.title).first == "Stop the web pods")
    #expect(procedure.omissions.map(\.line.snippet) == ["10: NAMESPACE=mlx"])
    let stop = steps[0]
    #expect(stop.explanation == "Stop the web pods:")
    #expect(
      stop.actions == [
        .shell(ShellCommand("kubectl scale deployment web -n ${NAMESPACE} --replicas=0"))
      ])
    #expect(stop.admonitions == [.warning("The pods restart.")])
    #expect(stop.sources == ["19: kubectl scale deployment web -n ${NAMESPACE} --replicas=0"])
    let write = steps[1]
    #expect(write.admonitions == [.note("Keep the old pod spec.")])
    #expect(
      write.actions == [
        .writeFile(
          FileWrite(
            "${WORK_DIR}/pod.yaml", language: "yaml",
            content: "kind: Pod\nnamespace: ${NAMESPACE}\n")),
        // Appending (>>) is no file write: it stays a shell command.
        .shell(ShellCommand("cat >> ${WORK_DIR}/log.yaml <<EOF\nkind: Log\nEOF")),
      ])
    let clear = steps[2]
    #expect(clear.actions == [.sql(SQLScript(client: "psql", "DELETE FROM sessions;"))])
    #expect(clear.admonitions.first?.kind == .note)
    let copy = steps[3]
    #expect(
      copy.actions == [
        .shell(
          ShellCommand(
            "kubectl cp db-0:/tmp/${SITE_CONFIG}.csv ${WORK_DIR}/site.csv --context=${CLUSTER_NAME}"
          ))
      ])
    // The python block is quoted in a manual step; the trailing prose joins its explanation.
    let python = steps[4]
    #expect(python.isManual)
    guard case .manual(let manual) = python.actions.first else { return }
    #expect(manual.instruction.hasSuffix("print(\"hello\")"))
    #expect(python.explanation == "Tell the users by mail.")
    let parameters = Dictionary(uniqueKeysWithValues: procedure.parameters.map { ($0.name, $0) })
    #expect(parameters["NAMESPACE"]?.defaultValue == "mlx")
    #expect(
      parameters["NAMESPACE"]?.meaning.hasPrefix("Set the namespace: (Set in the runbook by")
        == true)
    #expect(parameters["WORK_DIR"]?.isRequired == true)
    #expect(parameters["CLUSTER_NAME"]?.isRequired == true)
    #expect(parameters["SITE_CONFIG"]?.meaning.contains("$site_config") == true)
    #expect(draft.notes.contains { $0.contains("$site_config is the parameter SITE_CONFIG") })
    #expect(procedure.validate().filter { $0.severity == .error }.isEmpty)
  }

  @Test func reStructuredTextDirectivesBecomeAdmonitionsAndSteps() {
    let text = """
      =====
      Title
      =====

      .. danger::

          Everything in the target is dropped.

      Setup
      -----

      .. code-block:: bash

           ./bin/cli migrate --setup

      .. hint::

          Run it again when it fails.
      """
    let procedure = RunbookImport.draft(from: text, name: "kvs.rst").procedure
    #expect(procedure.title == "Title")
    #expect(procedure.admonitions == [.danger("Everything in the target is dropped.")])
    let steps = procedure.orderedSteps.map(\.step)
    #expect(steps.count == 1)
    #expect(steps.first?.actions == [.shell(ShellCommand("./bin/cli migrate --setup"))])
    #expect(
      procedure.phases.first?.sections.first?.admonitions == [.note("Run it again when it fails.")])
  }

  @Test func aDraftThatDoesNotValidateIsWrittenAndFails() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // `$x` is read before the step that assigns it: no parameter can stand for it.
    try folder.write(
      "# T\n\n## P\n\n```bash\necho $x\n```\n\n```bash\nx=1\n```\n", to: "RUNBOOK.md")
    let result = GenMigration.run(
      ["import", folder.file("RUNBOOK.md"), "--output", folder.file("draft.json")])
    #expect(result.status == 1)
    #expect(result.standardError.contains("the draft does not validate"))
    #expect(result.standardError.contains("$x"))
    #expect(folder.read("draft.json")?.contains("echo $x") == true)
  }

  @Test func importWritesTheDraftThatTraceAcceptsAndNeverOverwrites() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Self.runbook, to: "RUNBOOK.md")
    let draft = folder.file("draft.json")
    let written = GenMigration.run(["import", folder.file("RUNBOOK.md"), "--output", draft])
    #expect(written.status == 0, "\(written.standardError)")
    #expect(written.standardError.contains("note: $site_config is the parameter SITE_CONFIG"))
    let trace = GenMigration.run(["trace", draft, folder.file("RUNBOOK.md")])
    #expect(trace.status == 0, "\(trace.standardOutput)")
    #expect(trace.standardOutput.contains(" 0 unaccounted, 0 stale references"))
    let before = folder.read("draft.json")
    let again = GenMigration.run(["import", folder.file("RUNBOOK.md"), "--output", draft])
    #expect(again.status == 2)
    #expect(again.standardError.contains("it exists"))
    #expect(folder.read("draft.json") == before)
    let missing = GenMigration.run(["import", folder.file("none.md")])
    #expect(missing.status == 2)
    #expect(GenMigration.run(["import"]).status == 2)
  }
}
