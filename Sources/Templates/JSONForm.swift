import Foundation
import Model

/// The JSON form of a procedure: the model itself, pretty-printed with
/// sorted keys, as `render --format json` writes it and every command reads it.
public enum JSONForm {
  public static func render(_ procedure: Procedure) -> String {
    let data = (try? Procedure.canonicalEncoder.encode(procedure)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
