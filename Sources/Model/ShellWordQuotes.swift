extension ShellText {
  /// A word with its quotes and escapes removed, as the program receives it
  /// when nothing in it expands: `"${DIR}"` is `${DIR}`, `'DROP TABLE t'` is
  /// `DROP TABLE t`. For reading what a call passes (lint), not for
  /// deciding what expands: single and double quotes are both dropped.
  public static func unquoted(_ word: String) -> String {
    var result = ""
    var quote: Character? = nil
    var escaped = false
    for character in word {
      if escaped {
        result.append(character)
        escaped = false
      } else if character == "\\" && quote != "'" {
        escaped = true
      } else if let open = quote {
        if character == open { quote = nil } else { result.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
      } else {
        result.append(character)
      }
    }
    return result
  }
}
