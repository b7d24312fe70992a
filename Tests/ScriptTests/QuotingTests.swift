import Model
import Templates
import TestSupport
import Testing

/// Hostile parameter values reach the tools byte for byte, whether they come
/// from flags or from the environment.
@Suite struct QuotingTests {
  static let width = 50
  static let procedure = Procedure(
    id: "quoting", title: "Quoting", version: "1.0", summary: "Passes values through.",
    parameters: (1...width).map { Parameter("V\($0)", "value \($0)") },
    phases: [
      Phase(
        id: "main", title: "Main", runsOn: "here",
        sections: [
          Section(
            title: "Pass",
            steps: [
              Step(
                id: "pass", title: "Pass the values",
                actions: [
                  .shell(
                    ShellCommand(
                      "tool " + (1...width).map { #""${V\#($0)}""# }.joined(separator: " ")))
                ])
            ])
        ])
    ])

  static let fragments = [
    "'", "\"", "$", "`", "\\", " ", "\n", "\t", "*", "?", "[a]", "-", "--", "ü", "✓", "$(id)",
    "${HOME}",
    "`id`", "\\n", "%s", "~", "!", "#", ";", "|", "&", "<", ">", "(", ")", "{", "}", "=", "a", "Z",
    "0",
  ]

  /// 1,000 values from a fixed seed: random joins of hostile fragments, some empty.
  static let values: [String] = {
    var generator = SplitMix64(seed: 0x5EED)
    return (0..<1000).map { index in
      if index % 97 == 0 { return "" }
      let count = Int(generator.next() % 6) + 1
      return (0..<count).map { _ in fragments[Int(generator.next() % UInt64(fragments.count))] }
        .joined()
    }
  }()

  @Test(arguments: 0..<(1000 / width))
  func hostileValuesReachTheToolByteForByte(batch: Int) throws {
    let values = Array(Self.values[(batch * Self.width)..<((batch + 1) * Self.width)])
    let harness = try ScriptHarness(
      script: BashScript.render(Self.procedure, generator: "test"), stubs: ["tool"])
    var arguments = ["--yes"]
    var environment: [String: String] = [:]
    for (index, value) in values.enumerated() {
      if index.isMultiple(of: 2) {
        arguments += ["--v\(index + 1)", value]
      } else {
        environment["V\(index + 1)"] = value
      }
    }
    let result = try harness.run(arguments, environment: environment)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.arguments(ofCall: 1) == values)
  }
}

/// A small, fixed pseudo-random generator, so the values are the same every run.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
