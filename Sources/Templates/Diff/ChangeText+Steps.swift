import Model

/// The sentences of the step changes.
extension ChangeText {
  static func describeStep(_ change: ProcedureChange) -> ChangeText? {
    switch change {
    case .stepAdded(let reference):
      return ChangeText([.words("added step ")] + step(reference))
    case .stepRemoved(let reference):
      return ChangeText([.words("removed step ")] + step(reference))
    case .stepMoved(let reference, let oldPhase, let after):
      var pieces: [Piece] = [.words("moved step ")] + step(reference) + [.words(": now ")]
      if oldPhase != reference.phase {
        pieces += [.words("in phase "), .code(reference.phase), .words(", ")]
      }
      pieces += after.map { [.words("after "), .code($0)] } ?? [.words("first")]
      return ChangeText(pieces)
    case .stepRenamed(let old, let new):
      return ChangeText([.words("renamed step "), .code(old.id), .words(" to ")] + step(new))
    case .stepReplaced(let old, let new):
      return ChangeText(
        [.words(new.count == 1 ? "step " : "steps ")] + steps(new)
          + [.words(new.count == 1 ? " replaces " : " replace ")] + steps(old))
    case .destroys(let id, nil, let now?):
      return ChangeText([
        .words("step "), .code(id), .words(" becomes destructive: destroys \(now)"),
      ])
    case .destroys(let id, let was?, nil):
      return ChangeText([
        .words("step "), .code(id), .words(" is no longer marked destructive (destroyed \(was))"),
      ])
    case .destroys(let id, let was, let now):
      return ChangeText([
        .words("what step "), .code(id),
        .words(" destroys: \(was ?? "nothing") → \(now ?? "nothing")"),
      ])
    case .commands(let id, let old, let new):
      return ChangeText(
        [.words("commands of step "), .code(id), .words(":")], details: lineDiff(old, new))
    case .wait(let id, let wait?, nil):
      return ChangeText([
        .words("step "), .code(id), .words(" no longer waits for \(wait.description)"),
      ])
    case .wait(let id, let was?, let now?):
      var parts: [String] = []
      if was.timeoutSeconds != now.timeoutSeconds {
        parts.append("timeout \(was.timeoutSeconds) s → \(now.timeoutSeconds) s")
      }
      if was.intervalSeconds != now.intervalSeconds {
        parts.append("interval \(was.intervalSeconds) s → \(now.intervalSeconds) s")
      }
      if was.condition != now.condition { parts.append("condition changed") }
      if was.description != now.description { parts.append("now for \(now.description)") }
      return ChangeText(
        [
          .words("wait of step "), .code(id),
          .words(" for \(was.description): " + parts.joined(separator: "; ")),
        ],
        details: was.condition == now.condition ? [] : reworded(was.condition, now.condition))
    case .wait(let id, nil, let wait):
      let description = wait.map { "\($0.description) (\(timing($0)))" } ?? ""
      return ChangeText(
        [.words("step "), .code(id), .words(" waits for \(description)")],
        details: reworded(nil, wait?.condition))
    case .check(let where_, let check?, nil):
      return ChangeText(
        [.words("check removed from ")] + place(where_) + [
          .words(": \(check.description) (\(expectation(check.expectation)))")
        ], details: reworded(check.command, nil))
    case .check(let where_, let was?, let now?):
      var parts: [String] = []
      if was.command != now.command { parts.append("command changed") }
      if was.expectation != now.expectation {
        parts.append("\(expectation(was.expectation)) → \(expectation(now.expectation))")
      }
      if was.failure != now.failure { parts.append("failure message reworded") }
      if was.description != now.description { parts.append("now \(now.description)") }
      return ChangeText(
        [.words("check \(was.description) in ")] + place(where_) + [
          .words(": " + parts.joined(separator: "; "))
        ],
        details: reworded(was.command, now.command))
    case .check(let where_, nil, let check):
      let description = check.map { "\($0.description) (\(expectation($0.expectation)))" } ?? ""
      return ChangeText(
        [.words("new check in ")] + place(where_) + [.words(": " + description)],
        details: reworded(nil, check?.command))
    case .instruction(let id, nil, let text?):
      return ChangeText(
        [.words("step "), .code(id), .words(" asks the operator to confirm:")],
        details: reworded(nil, text))
    case .instruction(let id, let text?, nil):
      return ChangeText(
        [.words("confirmation removed from step "), .code(id), .words(":")],
        details: reworded(text, nil))
    case .instruction(let id, let was, let now):
      return ChangeText(
        [.words("instruction of step "), .code(id), .words(" reworded:")],
        details: reworded(was, now))
    case .choice(let id, let was, let now):
      let describe = { (choice: Choice?) -> [Piece] in
        choice.map { [.words($0.description + " into "), .code($0.parameter)] } ?? [.words("none")]
      }
      return ChangeText(
        [.words("choice of step "), .code(id), .words(": ")] + describe(was) + [.words(" → ")]
          + describe(now),
        details: reworded(was?.candidates, now?.candidates))
    case .retry(let id, let was, let now):
      let describe = { (retry: Retry?) in
        retry.map { "\($0.attempts) tries \($0.delaySeconds) s apart" } ?? "one try"
      }
      return ChangeText([
        .words("retries of step "), .code(id), .words(": \(describe(was)) → \(describe(now))"),
      ])
    case .cleanup(let id, let was, let now):
      let until = { (cleanup: Cleanup?) -> [Piece] in
        guard let cleanup else { return [.words("none")] }
        return cleanup.until.map { [.words("until "), .code($0)] } ?? [
          .words("to the end of the run")
        ]
      }
      return ChangeText(
        [.words("cleanup of step "), .code(id), .words(": ")] + until(was) + [.words(" → ")]
          + until(now),
        details: reworded(was?.command, now?.command))
    case .optional(let id, let was, let now):
      let describe = { (name: String?) -> [Piece] in
        name.map { [.words("when "), .code($0), .words(" is yes")] } ?? [.words("always")]
      }
      return ChangeText(
        [.words("step "), .code(id), .words(" runs: ")] + describe(was) + [.words(" → ")]
          + describe(now))
    case .concurrency(let id, let was, let now):
      return ChangeText([
        .words("concurrent group of step "), .code(id), .words(": "), value(was), .words(" → "),
        value(now),
      ])
    case .sources(let id, let old, let new):
      return ChangeText(
        [.words("source lines of step "), .code(id), .words(":")], details: lineDiff(old, new))
    case .phaseAdded, .phaseRemoved, .phaseOrder, .runsOn, .pin, .prerequisite, .section,
      .parameterAdded, .parameterRemoved, .parameterDefault, .parameterRequired, .parameterSecret,
      .parameterKind, .parameterChoices, .parameterMeaning, .parameterPhases, .parameterRules,
      .tool, .access, .limitation, .correction, .omission, .admonition, .title, .explanation,
      .source, .stateDirectory:
      return nil
    }
  }
}
