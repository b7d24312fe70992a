/// One run of a generated script as its run record (`*.record.jsonl`)
/// tells it: who ran which procedure where, with which parameters (each
/// secret one as `***`), and what became of each step it reached.
///
/// A record file holds the runs in the order they ran: a failed run, then
/// the `--resume` that finished it, is two runs.
public struct RecordedRun: Equatable, Sendable {
  public var procedure: String
  public var version: String
  public var fingerprint: String
  public var phases: [String]
  public var user: String
  /// The user's numeric id; the name can be empty (a shell without `USER`
  /// or `LOGNAME`, as under cron or in a container), the id is not.
  public var uid: Int?
  public var host: String
  public var resume: Bool
  /// When it started and ended, as the script wrote them (ISO 8601), and
  /// in seconds since the epoch. No end: the record stops before the run's
  /// end (the machine stopped, or the run is still going).
  public var started: String
  public var startedEpoch: Int
  public var ended: String?
  public var endedEpoch: Int?
  /// The script's exit status.
  public var status: Int?
  public var parameters: [Parameter]
  public var steps: [StepOutcome]
  public var answers: [Answer]
  /// The cleanups the run ran as it stopped, in order.
  public var cleanups: [CleanupOutcome]

  public init(
    procedure: String, version: String, fingerprint: String, phases: [String], user: String,
    host: String, resume: Bool, started: String, startedEpoch: Int, parameters: [Parameter]
  ) {
    self.procedure = procedure
    self.version = version
    self.fingerprint = fingerprint
    self.phases = phases
    self.user = user
    self.host = host
    self.resume = resume
    self.started = started
    self.startedEpoch = startedEpoch
    self.parameters = parameters
    self.steps = []
    self.answers = []
    self.cleanups = []
  }

  /// A parameter's value for this run; a secret's is `***`.
  public struct Parameter: Equatable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// What became of one step in one run.
  public struct StepOutcome: Equatable, Sendable {
    public enum Status: Equatable, Sendable {
      /// Started, and the record ends before it did.
      case started
      case completed, failed, timedOut, declined, interrupted
      /// Not run, with the script's reason: `optional`, `not-selected`,
      /// `completed-earlier`.
      case skipped(reason: String)
      /// Completed earlier, then undone by the cleanup of the step `cleanup`
      /// as the run stopped (the helper pod it built on was deleted, say):
      /// `--resume` runs it again.
      case undone(cleanup: String)

      /// As the record and the report spell it: `timed-out`.
      public var name: String {
        switch self {
        case .started: "started"
        case .completed: "completed"
        case .failed: "failed"
        case .timedOut: "timed-out"
        case .declined: "declined"
        case .interrupted: "interrupted"
        case .skipped: "skipped"
        case .undone: "undone"
        }
      }

      /// The status a step-ended record names, if it is one.
      public init?(ended name: String) {
        switch name {
        case "completed": self = .completed
        case "failed": self = .failed
        case "timed-out": self = .timedOut
        case "declined": self = .declined
        case "interrupted": self = .interrupted
        default: return nil
        }
      }
    }

    public var id: String
    /// Its number in the script's `--list`, as the record gives it.
    public var number: Int?
    public var status: Status
    public var exitStatus: Int?
    public var attempts: Int?
    public var seconds: Int?

    public init(id: String, number: Int?, status: Status) {
      self.id = id
      self.number = number
      self.status = status
    }
  }

  /// A cleanup the run ran as it stopped: the step whose cleanup it is, and
  /// whether its command succeeded.
  public struct CleanupOutcome: Equatable, Sendable {
    public var step: String
    public var succeeded: Bool
    public init(step: String, succeeded: Bool) {
      self.step = step
      self.succeeded = succeeded
    }
  }

  /// What the operator answered at a prompt during a step.
  public struct Answer: Equatable, Sendable {
    public var step: String
    public var prompt: String
    public var answer: String
    public init(step: String, prompt: String, answer: String) {
      self.step = step
      self.prompt = prompt
      self.answer = answer
    }
  }
}
