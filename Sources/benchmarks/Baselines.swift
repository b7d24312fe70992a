/// The two hand-written scripts a generated one is measured against, each
/// running `command` once per step.
enum Baselines {
  /// Nothing but the commands, one per line, under `set -euo pipefail`:
  /// what the steps themselves cost.
  static func plain(command: String, steps: Int) -> String {
    (["#!/usr/bin/env bash", "set -euo pipefail"] + Array(repeating: command, count: steps))
      .joined(separator: "\n") + "\n"
  }

  /// The least bookkeeping a runner does for each step, written by hand in
  /// bash: a progress line, two timestamped log records (started and
  /// done) and a state line, output copied to a log file by one `tee`, the
  /// state file written through one descriptor kept open. No options,
  /// no resume, no signal handling, no checks.
  static func loop(command: String, steps: Int) -> String {
    """
    #!/usr/bin/env bash
    set -euo pipefail
    exec {state}>"${BENCH_DIR}/loop.state"
    exec > >(exec tee -- "${BENCH_DIR}/loop.log") 2>&1
    log_pid=$!
    total=\(steps)
    for ((step = 1; step <= total; step++)); do
      printf '[%d/%d] Step %d\\n' "${step}" "${total}" "${step}"
      printf '%(%Y-%m-%dT%H:%M:%S%z)T step-%d started\\n' -1 "${step}"
      \(command)
      printf '%(%Y-%m-%dT%H:%M:%S%z)T step-%d done\\n' -1 "${step}"
      printf 'step-%d done %(%Y-%m-%dT%H:%M:%S%z)T\\n' "${step}" -1 >&"${state}"
    done
    exec >&- 2>&-
    wait "${log_pid}"

    """
  }
}
