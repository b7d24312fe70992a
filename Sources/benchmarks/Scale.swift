import Commands
import Foundation
import Lint
import Model
import Templates

/// Lint and render time for large procedures read from their JSON files,
/// in process on one core: 1,000 against 10,000 steps.
enum Scale {
  /// A procedure of `count` steps that cycle through shell, SQL, wait and check
  /// actions, so every renderer and rule has work to do.
  static func procedure(steps count: Int) -> Procedure {
    let steps = (1...count).map { number -> Step in
      let action: Action
      switch number % 4 {
      case 0:
        action = .shell(
          ShellCommand(#"kubectl scale deployment -n "${NAMESPACE}" "app-\#(number)" --replicas=0"#)
        )
      case 1:
        action = .sql(
          SQLScript(
            client: "psql -v ON_ERROR_STOP=1",
            "UPDATE jobs SET paused = true WHERE id = \(number);\n"))
      case 2:
        action = .wait(
          WaitCondition(
            "pod \(number) to stop",
            until: #"pods=$(kubectl get pods -n "${NAMESPACE}" -o name) && [[ -z "${pods}" ]]"#,
            timeout: "${WAIT_TIMEOUT}"))
      default:
        action = .check(
          OutputCheck(
            "no files", command: "find /data/\(number) -type f", expect: .empty,
            failure: "Files exist."))
      }
      return Step(
        id: "step-\(number)", title: "Step \(number)", explanation: "Does part \(number).",
        actions: [action])
    }
    return Procedure(
      id: "scale", title: "Scale", version: "1.0", summary: "Many steps.",
      parameters: [
        Parameter("NAMESPACE", "Namespace.", default: "mlx"),
        Parameter("WAIT_TIMEOUT", "Seconds.", default: "600", kind: .integer),
      ],
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here", sections: [Section(title: "All", steps: steps)]
        )
      ])
  }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  static func report(runs: Int) throws {
    print("")
    print(
      "| steps | decode JSON file | lint (rules + bash -n) | render bash + markdown | bash lines |")
    print("| --- | --- | --- | --- | --- |")
    var renderTimes: [Int: Double] = [:]
    var lintTimes: [Int: Double] = [:]
    var breakdown = ""
    for count in [1_000, 10_000] {
      let json = JSONForm.render(procedure(steps: count))
      var decode: [Double] = []
      var lint: [Double] = []
      var render: [Double] = []
      var lines = 0
      for _ in 0..<runs {
        var decoded: Procedure?
        decode.append(try seconds { decoded = try ProcedureInput.decode(json, file: "scale.json") })
        guard let model = decoded else { continue }
        lint.append(
          seconds {
            let findings = Linter(syntax: BashSyntaxChecker()).lint(model)
            precondition(findings.isEmpty, "\(findings.prefix(3))")
          })
        var script = ""
        render.append(
          seconds {
            script = BashScript.render(model, generator: "bench")
            _ = Runbook.render(model, generator: "bench")
          })
        lines = script.utf8.count { $0 == UInt8(ascii: "\n") }
      }
      if count == 10_000, let model = try? ProcedureInput.decode(json, file: "scale.json") {
        var parts: [String: [Double]] = [:]
        for _ in 0..<runs {
          parts["fingerprint", default: []].append(seconds { _ = model.fingerprint })
          parts["bash", default: []].append(
            seconds { _ = BashScript.render(model, generator: "bench") })
          parts["markdown", default: []].append(
            seconds { _ = Runbook.render(model, generator: "bench") })
        }
        breakdown = parts.keys.sorted().map { "\($0) \(milliseconds(median(parts[$0]!)))" }.joined(
          separator: ", ")
      }
      renderTimes[count] = median(render)
      lintTimes[count] = median(lint)
      print(
        "| \(count) | \(milliseconds(median(decode))) | \(milliseconds(median(lint))) | \(milliseconds(median(render))) | \(lines) |"
      )
    }
    let renderGrowth = renderTimes[10_000]! / renderTimes[1_000]!
    let lintGrowth = lintTimes[10_000]! / lintTimes[1_000]!
    print("")
    print("10,000 steps, rendering alone: \(breakdown)")
    print(
      "10,000 / 1,000 steps: render \(String(format: "%.1f", renderGrowth))×, lint \(String(format: "%.1f", lintGrowth))× (linear is 10×; target within 12×)"
    )
  }

  static func milliseconds(_ value: Double) -> String { String(format: "%.0f ms", value * 1000) }
}
