import Catalog
import Foundation
import Templates

/// Start-up of the largest catalog script (CML, rendered by
/// `BashScript.render`): `--list` and `--help`, whole processes started by
/// ``Spawn``, beside an empty bash script started the same way.
enum Startup {
  static func report(runs: Int, folder: URL, environment: [String: String]) throws {
    guard let cml = Catalog.procedure("cml") else {
      throw Spawn.Failed(command: ["cml"], status: -1)
    }
    let script = folder.appendingPathComponent("cml.sh").path
    let rendered = BashScript.render(cml, generator: "bench")
    try rendered.write(toFile: script, atomically: true, encoding: .utf8)
    let empty = folder.appendingPathComponent("empty.sh").path
    try "#!/usr/bin/env bash\n".write(toFile: empty, atomically: true, encoding: .utf8)
    let cases: [(label: String, arguments: [String])] = [
      ("empty bash script", [empty]),
      ("`cml.sh --list`", [script, "--list"]),
      ("`cml.sh --help`", [script, "--help"]),
    ]
    var samples = Array(repeating: Sample(), count: cases.count)
    for item in cases {
      _ = try Spawn.seconds("/bin/bash", item.arguments, environment: environment)
    }
    for round in 0..<runs {
      for index in cases.indices.map({ ($0 + round) % cases.count }) {
        samples[index].values.append(
          try Spawn.seconds("/bin/bash", cases[index].arguments, environment: environment))
      }
    }
    let lines = rendered.utf8.count { $0 == UInt8(ascii: "\n") }
    print("")
    print(
      "Start-up of the CML script (\(cml.phases.flatMap(\.steps).count) steps, \(lines) lines), ms: median (least – greatest) of \(runs)"
    )
    print("")
    print("| command | whole process |")
    print("| --- | ---: |")
    for (item, sample) in zip(cases, samples) {
      print("| \(item.label) | \(sample.milliseconds()) |")
    }
  }
}
