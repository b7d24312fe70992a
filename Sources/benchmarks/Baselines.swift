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

  /// The least a runner costs that writes what the generated script writes
  /// for each step, and nothing else: five lines (the progress line, which
  /// is also the log's started record, the run record's started line, the
  /// state line, the completed line and the run record's ended line), the
  /// timestamp formatted once a second, as the runtime's `tick` does. Every
  /// step written out as straight-line code at the top level of the
  /// script (bash copies a function's body each time it calls it, so this
  /// is cheaper than any function), with no dispatch, no resume, no
  /// handlers and no checks: not a runner, but the floor under one.
  /// `asChild` runs the command as the generated script runs a program, a
  /// child it waits for (`COMMAND & wait "$!"`), without which a signal
  /// would wait for the program to end.
  static func floor(command: String, steps: Int, asChild: Bool) -> String {
    let run = asChild ? "\(command) <&0 & wait \"$!\"" : command
    var script = """
      #!/usr/bin/env bash
      set -euo pipefail
      exec {state}>"${BENCH_DIR}/floor.state"
      exec {record}>"${BENCH_DIR}/floor.record.jsonl"
      exec > >(exec tee -- "${BENCH_DIR}/floor.log") 2>&1
      log_pid=$!
      now_second=0 now=''
      tick() {
        now_second=${EPOCHSECONDS}
        printf -v now '%(%Y-%m-%dT%H:%M:%S%z)T' "${now_second}"
      }

      """
    for step in 1...steps {
      script += """
        started=${EPOCHSECONDS}
        ((EPOCHSECONDS == now_second)) || tick
        printf '%s [\(step)/\(steps)] Step \(step): started (step-\(step))\\n' "${now}"
        printf '{"event":"step-started","time":"%s","epoch":%s,"step":"step-\(step)"}\\n' "${now}" "${now_second}" >&"${record}"
        \(run)
        ((EPOCHSECONDS == now_second)) || tick
        printf 'completed step-\(step) %s\\n' "${now}" >&"${state}"
        printf '%s [\(step)/\(steps)] step-\(step): completed in %ss\\n' "${now}" "$((EPOCHSECONDS - started))"
        printf '{"event":"step-ended","time":"%s","epoch":%s,"step":"step-\(step)","seconds":%s}\\n' "${now}" "${now_second}" "$((EPOCHSECONDS - started))" >&"${record}"

        """
    }
    return script + """
      exec >&- 2>&-
      wait "${log_pid}"

      """
  }
}
