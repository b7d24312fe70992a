import Foundation
import Model
import Testing

@Suite struct DSLTests {
  static func procedure(extraStep: Bool, names: [String]) -> Procedure {
    Procedure(
      id: "demo", title: "Demo", version: "1.2", summary: "A demo.",
      parameters: { Parameter("TARGET", "Where.", default: "here") },
      phases: {
        Phase(id: "main", title: "Main", runsOn: "anywhere") {
          Section("One") {
            Step("first", "First") { ShellCommand("true") }
            if extraStep {
              Step("extra", "Extra") { ShellCommand("true") }
            } else {
              Step("other", "Other") { ShellCommand("false") }
            }
            for name in names {
              Step("loop-\(name)", "Loop \(name)") { ShellCommand(#"echo "${TARGET}""#) }
            }
            let optional: Step? = nil
            optional
          }
        }
      })
  }

  @Test func builderSupportsIfElseForAndOptionals() {
    let with = Self.procedure(extraStep: true, names: ["a", "b"])
    #expect(with.orderedSteps.map(\.step.id) == ["first", "extra", "loop-a", "loop-b"])
    let without = Self.procedure(extraStep: false, names: [])
    #expect(without.orderedSteps.map(\.step.id) == ["first", "other"])
  }

  @Test func jsonRoundTripKeepsEveryField() throws {
    let original = Self.procedure(extraStep: true, names: ["a"])
    let data = try Procedure.canonicalEncoder.encode(original)
    let decoded = try JSONDecoder().decode(Procedure.self, from: data)
    #expect(decoded == original)
  }

  @Test func actionsEncodeTheirKindBesideTheirFields() throws {
    let data = try Procedure.canonicalEncoder.encode(Action.shell(ShellCommand("ls -l")))
    let text = String(decoding: data, as: UTF8.self)
    #expect(text == "{\n  \"command\" : \"ls -l\",\n  \"kind\" : \"shell\"\n}")
  }

  @Test func unknownActionKindIsADecodingErrorNamingIt() throws {
    let json = Data(#"{"kind": "teleport", "command": "x"}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Action.self, from: json) }
  }

  @Test func fingerprintChangesWithTheModelAndOnlyWithIt() {
    let a = Self.procedure(extraStep: true, names: ["a"])
    let b = Self.procedure(extraStep: true, names: ["a"])
    let c = Self.procedure(extraStep: true, names: ["b"])
    #expect(a.fingerprint == b.fingerprint)
    #expect(a.fingerprint != c.fingerprint)
    #expect(a.fingerprint.count == 16)
  }

  @Test func versionsOrderNumerically() {
    #expect(Version(parsing: "1.9")! < Version(parsing: "1.10")!)
    #expect(Version(parsing: "2.0")! > Version(parsing: "1.99.1")!)
    #expect(Version(parsing: "1.0") == Version(parsing: "1.0"))
    #expect(Version(parsing: "1.x") == nil)
    #expect(Version(parsing: "") == nil)
    #expect(Version(parsing: "1..2") == nil)
  }
}
