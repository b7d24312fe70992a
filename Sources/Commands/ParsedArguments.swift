/// A command's arguments: positional ones and `--option value` /
/// `--option=value` pairs, and flags without a value. Anything else
/// starting with `-` is an error.
struct ParsedArguments {
  var positionals: [String] = []
  var options: [String: String] = [:]
  /// The `flags` given, such as `--raw`: options that take no value.
  var flags: Set<String> = []

  init(
    _ arguments: [String], command: String, options allowed: Set<String>,
    flags allowedFlags: Set<String> = []
  ) throws(CommandError) {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if allowedFlags.contains(argument) {
        flags.insert(argument)
      } else if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        let name = String(argument[..<equals])
        guard allowed.contains(name) else { throw .unknownOption(name, command: command) }
        options[name] = String(argument[argument.index(after: equals)...])
      } else if argument.hasPrefix("-") && argument != "-" {
        guard allowed.contains(argument) else { throw .unknownOption(argument, command: command) }
        guard index + 1 < arguments.count else { throw .missingValue(option: argument) }
        options[argument] = arguments[index + 1]
        index += 1
      } else {
        positionals.append(argument)
      }
      index += 1
    }
  }
}
