import Foundation

// The benchmarks reported in docs/benchmarks.md, a program and not a timed
// test: `swift build -c release --product benchmarks`, then
//
//   .build/release/benchmarks [RUNS] [runtime] [startup] [scale]
//
// RUNS (default 15) rounds per figure; the named parts only (default all).
// BENCH_KEEP=DIR keeps the scripts there, for profiling or for hyperfine.

let arguments = CommandLine.arguments.dropFirst()
let runs = arguments.compactMap { Int($0) }.first ?? 15
let parts = Set(arguments.filter { Int($0) == nil })
let known: Set = ["runtime", "startup", "scale"]
guard parts.isSubset(of: known) else {
  FileHandle.standardError.write(
    "benchmarks: unknown part \(parts.subtracting(known).sorted().joined(separator: ", ")); usage: benchmarks [RUNS] [runtime] [startup] [scale]\n"
      .data(using: .utf8)!)
  exit(2)
}
func wanted(_ part: String) -> Bool { parts.isEmpty || parts.contains(part) }

let kept = ProcessInfo.processInfo.environment["BENCH_KEEP"]
let folder =
  kept.map { URL(fileURLWithPath: $0) }
  ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
    "gen-migration-bench-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
// The same environment for every process, whatever this one was given.
let environment = [
  "PATH": "/usr/bin:/bin", "HOME": folder.path, "BENCH_DIR": folder.path, "LANG": "C.UTF-8",
]

let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
  .split(separator: " ").prefix(3).joined(separator: " ")
print("rounds per figure: \(runs); load average at start: \(load ?? "unknown")")
if wanted("runtime") {
  print("")
  try Runtime.report(runs: runs, folder: folder, environment: environment)
}
if wanted("startup") { try Startup.report(runs: runs, folder: folder, environment: environment) }
if wanted("scale") { try Scale.report(runs: min(runs, 7)) }
if let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
  .split(separator: " ").prefix(3).joined(separator: " ")
{
  print("")
  print("load average at end: \(load)")
}
