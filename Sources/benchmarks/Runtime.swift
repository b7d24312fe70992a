import Foundation
import Model
import Templates

/// Runtime overhead of a generated script: a procedure of N steps whose
/// command does nothing, run to completion with `--yes --restart` (state
/// file and log, as in every real run), against the plain commands and a
/// hand-written minimal bookkeeping loop (``Baselines``). All three are
/// whole `bash SCRIPT` processes started by ``Spawn``, interleaved within
/// each round so that a change in the machine's load reaches all of them.
enum Runtime {
  /// The two kinds of step: builtins only (the generated script runs the
  /// step in its own shell) and a program (it runs the step in a child it
  /// waits for, so that a signal is handled at once).
  static let kinds: [(label: String, command: String)] = [
    ("`true`", "true"), ("`/bin/true`", "/bin/true"),
  ]
  static let stepCounts = [100, 1_000]
  static let sides = ["plain", "loop", "floor", "generated"]

  /// A procedure of `count` steps, each running `command`.
  static func procedure(steps count: Int, command: String) -> Procedure {
    let steps = (1...count).map { number in
      Step(id: "step-\(number)", title: "Step \(number)", actions: [.shell(ShellCommand(command))])
    }
    return Procedure(
      id: "bench", title: "Benchmark", version: "1.0", summary: "Steps that do nothing.",
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here",
          sections: [Section(title: "All", steps: steps)])
      ],
      stateDirectory: "${BENCH_DIR}")
  }

  /// Whole-process times of one kind: `times[side][steps]`, and the rounds'
  /// per-step figures derived from runs of the same round.
  struct Measured {
    var times: [String: [Int: Sample]] = [:]
    /// (side − plain) / steps, per round, for `generated`, `loop` and `floor`.
    var perStep: [String: [Int: Sample]] = [:]
    /// Per-step overhead from the difference between the two step counts
    /// (start-up cancels out), per round.
    var slope: [String: Sample] = [:]
  }

  static func write(_ text: String, _ path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  static func measure(
    command: String, runs: Int, folder: URL, environment: [String: String]
  ) throws -> Measured {
    let name = command.replacingOccurrences(of: "/", with: "")
    var scripts: [(side: String, steps: Int, path: String, arguments: [String])] = []
    for steps in stepCounts {
      let prefix = folder.appendingPathComponent("\(name)-\(steps)").path
      try write(Baselines.plain(command: command, steps: steps), "\(prefix)-plain.sh")
      try write(Baselines.loop(command: command, steps: steps), "\(prefix)-loop.sh")
      try write(
        Baselines.floor(command: command, steps: steps, asChild: command != "true"),
        "\(prefix)-floor.sh")
      try write(
        BashScript.render(procedure(steps: steps, command: command), generator: "bench"),
        "\(prefix)-generated.sh")
      for side in sides {
        let arguments = side == "generated" ? ["--yes", "--restart"] : []
        scripts.append((side, steps, "\(prefix)-\(side).sh", arguments))
      }
    }
    var measured = Measured()
    for script in scripts {  // one warm-up run each: page cache, bash's first start
      _ = try Spawn.seconds(
        "/bin/bash", [script.path] + script.arguments, environment: environment)
    }
    for round in 0..<runs {
      var times: [String: [Int: Double]] = [:]
      // A different order each round, so no side always follows another.
      let offset = round % scripts.count
      for script in scripts[offset...] + scripts[..<offset] {
        let seconds = try Spawn.seconds(
          "/bin/bash", [script.path] + script.arguments, environment: environment)
        times[script.side, default: [:]][script.steps] = seconds
        measured.times[script.side, default: [:]][script.steps, default: Sample()].values.append(
          seconds)
      }
      for steps in stepCounts {
        let plain = times["plain"]![steps]!
        var overhead: [String: Double] = [:]
        for side in ["generated", "loop", "floor"] {
          overhead[side] = (times[side]![steps]! - plain) / Double(steps)
          measured.perStep[side, default: [:]][steps, default: Sample()].values.append(
            overhead[side]!)
        }
      }
      let (low, high) = (stepCounts.first!, stepCounts.last!)
      for side in ["generated", "loop", "floor"] {
        let grows = (times[side]![high]! - times[side]![low]!)
        let plainGrows = times["plain"]![high]! - times["plain"]![low]!
        measured.slope[side, default: Sample()].values.append(
          (grows - plainGrows) / Double(high - low))
      }
    }
    return measured
  }

  static func report(runs: Int, folder: URL, environment: [String: String]) throws {
    var all: [(label: String, measured: Measured)] = []
    for kind in kinds {
      all.append(
        (
          kind.label,
          try measure(command: kind.command, runs: runs, folder: folder, environment: environment)
        ))
    }
    print("Whole processes, ms: median (least – greatest) of \(runs) rounds")
    print("")
    print(
      "| command | steps | plain commands | minimal loop | straight-line floor | generated script |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for (label, measured) in all {
      for steps in stepCounts {
        let cells = sides.map { measured.times[$0]![steps]!.milliseconds() }
        print("| \(label) | \(steps) | \(cells.joined(separator: " | ")) |")
      }
    }
    print("")
    print("Per step, µs over the plain commands: median (least – greatest) over rounds")
    print("")
    print(
      "| command | steps | generated | minimal loop | floor | generated / loop (target ≤ 1.5) | floor / loop | generated / plain | loop / plain |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (label, measured) in all {
      for steps in stepCounts {
        let generated = measured.perStep["generated"]![steps]!
        let loop = measured.perStep["loop"]![steps]!
        let floor = measured.perStep["floor"]![steps]!
        let ratio = generated.median / loop.median
        let floorRatio = String(format: "%.2f", floor.median / loop.median)
        let plain = measured.times["plain"]![steps]!.median
        let wholeRatio = { (side: String) in
          String(format: "%.2f×", measured.times[side]![steps]!.median / plain)
        }
        print(
          "| \(label) | \(steps) | \(generated.microseconds()) | \(loop.microseconds()) | \(floor.microseconds()) | \(String(format: "%.2f", ratio)) \(verdict(ratio)) | \(floorRatio) | \(wholeRatio("generated")) | \(wholeRatio("loop")) |"
        )
      }
      let generated = measured.slope["generated"]!
      let loop = measured.slope["loop"]!
      let floor = measured.slope["floor"]!
      let (low, high) = (stepCounts.first!, stepCounts.last!)
      let ratio = generated.median / loop.median
      let floorRatio = String(format: "%.2f", floor.median / loop.median)
      print(
        "| \(label) | \(low) → \(high) | \(generated.microseconds()) | \(loop.microseconds()) | \(floor.microseconds()) | \(String(format: "%.2f", ratio)) \(verdict(ratio)) | \(floorRatio) | | |"
      )
    }
    print("")
    print("Fixed start-up (whole process at 0 steps, from the two step counts), ms:")
    for (label, measured) in all {
      let (low, high) = (stepCounts.first!, stepCounts.last!)
      let cells = sides.map { side -> String in
        let times = measured.times[side]!
        let slope = (times[high]!.median - times[low]!.median) / Double(high - low)
        let intercept = times[low]!.median - slope * Double(low)
        return intercept < 0
          ? "\(side) (below zero: noise)" : "\(side) \(String(format: "%.1f", intercept * 1000))"
      }
      print("- \(label): \(cells.joined(separator: ", "))")
    }
  }

  /// Whether the target is met; no verdict when the loop's own overhead
  /// is not above zero (lost in the noise of the programs' start-up).
  static func verdict(_ ratio: Double) -> String {
    ratio <= 0 || !ratio.isFinite ? "(no result)" : ratio <= 1.5 ? "met" : "**not met**"
  }
}
