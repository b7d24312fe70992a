/// The text form of a drift report:
///
/// ```
/// only in the runbook, README.md:42: kubectl scale statefulset db --replicas=0
/// only in the script, migrate.sh:17: kubectl delete pod db-0
/// differs:
///   README.md:50: kubectl cp ${NS}/db-0:/tmp/$site_config.csv .
///   migrate.sh:31: kubectl cp ${NS}/db-0:/tmp/site_config.csv .
/// README.md: 30 commands, migrate.sh: 31 commands; 27 the same, 1 differs, 1 only in the runbook, 2 only in the script
/// ```
extension CommandDrift {
  public func text(runbook: String, script: String) -> String {
    func first(_ command: Command) -> String {
      let lines = command.text.split(separator: "\n", omittingEmptySubsequences: false)
      return lines.count > 1 ? "\(lines[0]) (+\(lines.count - 1) lines)" : command.text
    }
    var out: [String] = []
    for finding in findings {
      switch finding.kind {
      case .onlyInRunbook:
        if let command = finding.runbook {
          out.append("only in the runbook, \(runbook):\(command.line): \(first(command))")
        }
      case .onlyInScript:
        if let command = finding.script {
          out.append("only in the script, \(script):\(command.line): \(first(command))")
        }
      case .differs:
        if let left = finding.runbook, let right = finding.script {
          out.append("differs:")
          out.append("  \(runbook):\(left.line): \(first(left))")
          out.append("  \(script):\(right.line): \(first(right))")
        }
      }
    }
    out.append(summary(runbook: runbook, script: script))
    return out.joined(separator: "\n") + "\n"
  }

  public func count(_ kind: Kind) -> Int { findings.filter { $0.kind == kind }.count }

  public func summary(runbook: String, script: String) -> String {
    let counts =
      "\(runbook): \(runbookCommands) command\(runbookCommands == 1 ? "" : "s"), \(script): \(scriptCommands) command\(scriptCommands == 1 ? "" : "s"); \(same) the same"
    if isInSync { return counts + ": in sync" }
    return counts
      + ", \(count(.differs)) differ, \(count(.onlyInRunbook)) only in the runbook, \(count(.onlyInScript)) only in the script"
  }
}
