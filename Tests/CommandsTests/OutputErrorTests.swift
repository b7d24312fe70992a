import Commands
import Foundation
import TestSupport
import Testing

/// The executable never crashes on output it cannot write: a full disk or a
/// closed pipe is one line on standard error and exit status 2.
@Suite struct OutputErrorTests {
  @Test(arguments: [["list"], ["render", "cml"], ["--help"]])
  func aFullDiskIsAMessageAndStatusTwoNotACrash(arguments: [String]) throws {
    let result = try BuiltTool.run(arguments, redirecting: ">/dev/full")
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "gen-migration: cannot write to standard output: No space left on device; the output is incomplete\n"
    )
  }

  @Test func aPipeClosedBeforeTheFirstWriteIsAMessageNotADeath() throws {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let result = try ProcessRunner.run(
      BuiltTool.path, ["render", "cml"], standardOutput: pipe.fileHandleForWriting)
    try pipe.fileHandleForWriting.close()
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "gen-migration: cannot write to standard output: Broken pipe; the output is incomplete\n"
    )
  }

  @Test func aReaderThatStopsEarlyNeverSeesACrash() throws {
    let result = try ProcessRunner.run(
      ProcessRunner.bash,
      ["-c", "\"$0\" render cml | head -1 >/dev/null; exit \"${PIPESTATUS[0]}\"", BuiltTool.path])
    #expect(result.status == 0 || result.status == 2, "\(result.standardError)")
    #expect(!result.standardError.contains("crashed"))
    #expect(!result.standardError.contains("Fatal error"))
  }

  @Test func anErrorThatCannotBeWrittenStillExitsTwo() throws {
    let result = try BuiltTool.run(["render", "no-such-procedure"], redirecting: "2>/dev/full")
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
  }

  @Test func writtenOutputIsComplete() throws {
    let result = try BuiltTool.run(["render", "cml"])
    #expect(result.status == 0)
    #expect(result.standardOutput == GenMigration.run(["render", "cml"]).standardOutput)
  }
}
