import Commands
import Foundation

StandardStreams.ignoreWriteSignals()
exit(StandardStreams.emit(GenMigration.run(Array(CommandLine.arguments.dropFirst()))))
