/// One thing a step does. Encoded in JSON as an object whose `kind` names the
/// case, beside the fields of its payload: `{"kind": "shell", "command": "..."}`.
public enum Action: Codable, Equatable, Sendable {
  case shell(ShellCommand)
  case sql(SQLScript)
  case writeFile(FileWrite)
  case manual(ManualInstruction)
  case wait(WaitCondition)
  case check(OutputCheck)
  case choose(Choice)

  public enum Kind: String, Codable, Sendable, CaseIterable {
    case shell, sql, writeFile, manual, wait, check, choose
  }

  public var kind: Kind {
    switch self {
    case .shell: .shell
    case .sql: .sql
    case .writeFile: .writeFile
    case .manual: .manual
    case .wait: .wait
    case .check: .check
    case .choose: .choose
    }
  }

  private enum KindKey: String, CodingKey { case kind }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: KindKey.self)
    switch try container.decode(Kind.self, forKey: .kind) {
    case .shell: self = .shell(try ShellCommand(from: decoder))
    case .sql: self = .sql(try SQLScript(from: decoder))
    case .writeFile: self = .writeFile(try FileWrite(from: decoder))
    case .manual: self = .manual(try ManualInstruction(from: decoder))
    case .wait: self = .wait(try WaitCondition(from: decoder))
    case .check: self = .check(try OutputCheck(from: decoder))
    case .choose: self = .choose(try Choice(from: decoder))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: KindKey.self)
    try container.encode(kind, forKey: .kind)
    switch self {
    case .shell(let payload): try payload.encode(to: encoder)
    case .sql(let payload): try payload.encode(to: encoder)
    case .writeFile(let payload): try payload.encode(to: encoder)
    case .manual(let payload): try payload.encode(to: encoder)
    case .wait(let payload): try payload.encode(to: encoder)
    case .check(let payload): try payload.encode(to: encoder)
    case .choose(let payload): try payload.encode(to: encoder)
    }
  }

  /// Every piece of shell text the action holds, for analysis.
  public var shellTexts: [String] {
    switch self {
    case .shell(let shell): [shell.command]
    case .sql(let sql): [sql.client]
    case .writeFile: []
    case .manual(let manual): manual.verification.map { [$0.command] } ?? []
    case .wait(let wait): [wait.condition]
    case .check(let check): [check.command]
    case .choose(let choice): [choice.candidates]
    }
  }
}
