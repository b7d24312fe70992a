import Commands
import Lint
import Model
import Testing

/// Destruction in shell commands (`DestructiveCommands`): each shape of the
/// table is caught in a step not marked destructive, named with the step and
/// the command; the same command in a step that declares `destroys`, and the
/// harmless neighbours of each shape, pass.
@Suite struct DestructionRuleTests {
  static let destructive: [(command: String, named: String)] = [
    (#"kubectl delete namespace "${NS}""#, "kubectl delete namespace"),
    (#"kubectl --context "${C}" delete pvc --all -n "${NS}""#, "kubectl delete pvc --all"),
    (#"kubectl delete pvc/data-db-0 -n "${NS}""#, "kubectl delete pvc"),
    (#"kubectl delete pod --all -n "${NS}""#, "kubectl delete pod --all"),
    (#"helm uninstall cml -n "${NS}""#, "helm uninstall"),
    (#"helm delete cml"#, "helm delete"),
    (#"rm -rf "${DIR}""#, "rm -r"),
    (#"rm -r -- "${DIR}""#, "rm -r"),
    (#"rm --recursive "${DIR}""#, "rm -r"),
    (#"dd if=/dev/zero of=/dev/sdb bs=1M"#, "dd of="),
    (#"aws s3 rm "s3://${BUCKET}/data" --recursive"#, "aws s3 rm"),
    (#"aws s3 rb "s3://${BUCKET}""#, "aws s3 rb"),
    (#"gsutil -m rm -r "gs://${BUCKET}/**""#, "gsutil rm"),
    (#"psql -h db -c 'drop table users'"#, "psql DROP"),
    (#"psql --command="truncate sessions""#, "psql TRUNCATE"),
    (#"mysql -e "delete from sessions""#, "mysql DELETE"),
    (#"pachctl delete repo images"#, "pachctl delete repo"),
    (#"databricks jobs delete --job-id 7"#, "databricks jobs delete"),
    (#"echo "$(kubectl delete ns old)""#, "kubectl delete ns"),
    (#"kubectl get pvc -o name | xargs kubectl delete"#, "kubectl delete"),
    (#"if true; then timeout 60 helm uninstall cml; fi"#, "helm uninstall"),
    (#"/bin/rm -rf /tmp/x"#, "rm -r"),
  ]

  static let harmless: [String] = [
    #"kubectl delete pod cml-migration-pod -n "${NS}""#,
    #"kubectl delete job db-migration -n "${NS}" --ignore-not-found"#,
    #"kubectl get namespace "${NS}""#,
    #"helm list -n "${NS}""#,
    #"rm -f "${DIR}/list.partial""#,
    #"dd if=/dev/sda count=1 | od"#,
    #"aws s3 cp "s3://${BUCKET}/a" b"#,
    #"aws s3 ls "s3://${BUCKET}""#,
    #"gsutil cp a "gs://${BUCKET}/a""#,
    #"psql -c 'SELECT count(*) FROM users'"#,
    #"mysql -e 'select 1'"#,
    #"pachctl list repo"#,
    #"databricks jobs list --profile p"#,
    #"echo 'kubectl delete namespace x is what we avoid'"#,
  ]

  @Test(arguments: destructive)
  func aDestructiveCommandInAStepNotMarkedDestructiveIsNamed(
    command: String, named: String
  ) {
    let procedure = LintTests.procedure([LintTests.shell("wipe", command)])
    let found = LintTests.linter.lint(procedure).filter { $0.rule == "undeclared-destruction" }
    #expect(found.count == 1)
    #expect(found.first?.step == "wipe")
    #expect(found.first?.severity == .error)
    #expect(
      found.first?.message.contains("runs \(named)") == true,
      "\(found.first?.message ?? "no finding")")
    #expect(found.first?.message.contains("not marked destructive") == true)
  }

  @Test(arguments: destructive.map(\.command))
  func theSameCommandInAStepThatDeclaresItPasses(command: String) {
    let procedure = LintTests.procedure([
      LintTests.shell("wipe", command, destroys: "the old data")
    ])
    #expect(!LintTests.linter.lint(procedure).contains { $0.rule == "undeclared-destruction" })
  }

  @Test(arguments: harmless)
  func harmlessNeighboursPass(command: String) {
    let procedure = LintTests.procedure([LintTests.shell("look", command)])
    let found = LintTests.linter.lint(procedure).filter { $0.rule == "undeclared-destruction" }
    #expect(found.isEmpty, "\(found.map(\.message))")
  }

  @Test func aCleanupThatDestroysCounts() {
    let step = Step(
      id: "scratch", title: "Scratch", actions: [.shell(ShellCommand(#"mkdir -p "${D}""#))],
      cleanup: Cleanup(#"rm -rf "${D}""#))
    let found = LintTests.linter.lint(
      LintTests.procedure([step], parameters: [Parameter("D", "dir")])
    ).filter { $0.rule == "undeclared-destruction" }
    #expect(found.map(\.step) == ["scratch"])
    #expect(found.first?.message.contains("rm -r") == true)
  }
}
