import Foundation
import Model
import Templates

// Runtime overhead of a generated script: a procedure of N steps whose
// commands do nothing, run to completion with its state file and log, against
// a plain bash script running the same N commands. Reported in
// docs/benchmarks.md; run with `swift run -c release benchmarks [RUNS]`.

let runs = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 7
let stepCount = 1_000

/// A procedure of `count` steps, each running `command`.
func procedure(steps count: Int, command: String) -> Procedure {
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

/// Wall time of one run of `bash script arguments`, in seconds.
func time(_ script: String, _ arguments: [String], environment: [String: String]) throws -> Double {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/bash")
  process.arguments = [script] + arguments
  process.environment = environment
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  let start = DispatchTime.now().uptimeNanoseconds
  try process.run()
  process.waitUntilExit()
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  guard process.terminationStatus == 0 else {
    throw NSError(domain: "bench", code: Int(process.terminationStatus))
  }
  return elapsed
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

// BENCH_KEEP=DIR keeps the scripts there, for profiling.
let kept = ProcessInfo.processInfo.environment["BENCH_KEEP"]
let folder =
  kept.map { URL(fileURLWithPath: $0) }
  ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
    "gen-migration-bench-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
let environment = [
  "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
  "HOME": folder.path, "BENCH_DIR": folder.path,
]

print(
  "runs per figure: \(runs) (median), bash \(ProcessInfo.processInfo.environment["BASH_VERSION"] ?? "")"
)
print("| commands | generated script, state + log | plain bash script | ratio |")
print("| --- | --- | --- | --- |")
for (label, command) in [("`true` (builtin)", "true"), ("`/bin/true` (a program)", "/bin/true")] {
  let generated = folder.appendingPathComponent("migrate.sh").path
  try BashScript.render(procedure(steps: stepCount, command: command), generator: "bench")
    .write(toFile: generated, atomically: true, encoding: .utf8)
  let plain = folder.appendingPathComponent("plain.sh").path
  try (["#!/usr/bin/env bash", "set -euo pipefail"] + Array(repeating: command, count: stepCount))
    .joined(separator: "\n").appending("\n").write(toFile: plain, atomically: true, encoding: .utf8)
  var generatedTimes: [Double] = []
  var plainTimes: [Double] = []
  for _ in 0..<runs {
    generatedTimes.append(try time(generated, ["--yes", "--restart"], environment: environment))
    plainTimes.append(try time(plain, [], environment: environment))
  }
  let ratio = median(generatedTimes) / median(plainTimes)
  print(
    "| \(stepCount) × \(label) | \(String(format: "%.1f", median(generatedTimes) * 1000)) ms | \(String(format: "%.1f", median(plainTimes) * 1000)) ms | \(String(format: "%.2f", ratio))× |"
  )
}

try Scale.report(runs: runs)
