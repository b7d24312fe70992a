import Model

extension Pachyderm {
  static let oldCluster = Phase(
    id: "old-cluster", title: "Back up and clone the old cluster",
    runsOn: "a workstation whose kubectl and pachctl talk to the old cluster",
    summary:
      "Pauses the old cluster, takes a backup without objects while its bucket is cloned, then restarts it and its data loading from a checkpoint.",
    preflight: [
      kubeContext("KUBE_CONTEXT", "old"), pachctlVersion, pachContext("PACH_CONTEXT", "old"),
    ],
    pins: pins(kube: "KUBE_CONTEXT", pach: "PACH_CONTEXT")
  ) {
    Section("Pause all pipeline and data loading operations (source step 1)") {
      Step(
        "watch-pods", "Watch the cluster's pods",
        explanation:
          "For simple to moderately complex deployments it is useful to keep a terminal window showing the state of all running Kubernetes pods."
      ) {
        ManualInstruction(
          "In another terminal, run `watch -n 5 kubectl --context KUBE_CONTEXT --namespace NAMESPACE get pods` with the old cluster's context and namespace (--kube-context and --namespace), and keep it open during the migration. You may need to install `watch`."
        )
      }
      Step(
        "stop-pipelines", "Stop every pipeline",
        explanation:
          "First records in WORK_DIR/pipelines-stopped-before the pipelines that are already stopped (by their owners, before the migration), so that `start-pipelines` leaves them stopped; a resumed step keeps that first record. Then runs `pachctl stop pipeline` on every other pipeline of the DAGs, three at a time, and waits until `pachctl list pipeline` shows each pipeline stopped: paused, or failed (a failed pipeline stays failed when it is stopped). The wait fails while the listing itself fails."
      ) {
        stopPipelines
        WaitCondition(
          "every pipeline to be stopped (paused or failed)", until: noPipeline(notStopped),
          timeout: "${WAIT_TIMEOUT}")
      }
      Step(
        "pause-data-loaders", "Pause the processes that load data",
        explanation:
          "Input repos are the repos created with `pachctl create repo`, at the top of the DAGs. Every process outside Pachyderm that puts data into them (with the Pachyderm APIs, `pachctl put file`, ...) must be paused, and must be able to restart later from a checkpoint."
      ) {
        ManualInstruction(
          "Pause every process outside Pachyderm that puts data into input repos. With --pause-data-loading yes, the next step also closes pachd's usual port to them."
        )
      }
      Step(
        "close-pachd-port", "Move pachd to port 30649",
        explanation:
          "Saves pachd's service spec, changes the service so that it only accepts traffic on port 30649 instead of the usual 30650, and points your own pachctl context at the new port: background users and services that still send requests cannot interfere with the backup.",
        admonitions: [
          .warning(
            "You will likely also need to change your cloud provider's firewall rules to allow traffic on port 30649; if `pachctl version` fails, the firewall is the common culprit."
          )
        ],
        enabledBy: "PAUSE_DATA_LOADING"
      ) {
        movePachdPort(from: 30650, to: 30649)
      }
    }
    Section(
      "Back up and clone the bucket (source steps 2 and 3)",
      explanation:
        "The two steps below can run at the same time (the source says so of its steps 2 and 3), and the script runs them so."
    ) {
      Step(
        "extract-backup", "Extract a backup without objects",
        explanation:
          "`pachctl extract --no-objects` writes the cluster's metadata (repos, commits, pipelines) without the objects, which the bucket clone carries, to WORK_DIR/pachyderm-backup (through a .partial file, so that a cut-off extract never passes for a backup). With --backup-url, that file is then copied to the object store URL with `aws s3 cp`: a bucket of its own, not the one cloned below.",
        concurrentGroup: "backup"
      ) {
        ShellCommand(
          #"""
          mkdir -p "${WORK_DIR}"
          \#(pachctl("PACH_CONTEXT")) extract --no-objects >"${WORK_DIR}/pachyderm-backup.partial"
          mv "${WORK_DIR}/pachyderm-backup.partial" "${WORK_DIR}/pachyderm-backup"
          if [[ -n "${BACKUP_URL}" ]]; then
            aws s3 cp "${WORK_DIR}/pachyderm-backup" "${BACKUP_URL}"
          fi
          """#)
      }
      Step(
        "clone-bucket", "Clone the object store bucket",
        explanation:
          "Copies every object of the old cluster's bucket into the bucket the new cluster will use, with `aws s3 sync` (Google Cloud and Azure have similar commands: `gsutil cp`, `azcopy`). As it runs at the same time as the backup, the script holds its output until both steps have ended and prints it then; `--only-show-errors` keeps that output to the errors and warnings, rather than one line per object copied.",
        concurrentGroup: "backup"
      ) {
        ShellCommand(#"aws s3 sync --only-show-errors "${SOURCE_BUCKET}" "${CLONE_BUCKET}""#)
      }
    }
    Section("Restart all pipeline and data loading operations (source step 4)") {
      Step(
        "start-pipelines", "Start every pipeline",
        explanation:
          "Once the backup and the clone are complete, runs `pachctl start pipeline` on the pipelines the migration stopped, three at a time: the pipelines recorded by `stop-pipelines` as stopped before the migration stay stopped (the record is renamed WORK_DIR/pipelines-stopped-before.used, which a resumed step reads, so that a later run of the phase records afresh). Then waits until each started pipeline runs again (RUNNING or STANDBY): Pachyderm's controller moves a started pipeline out of PAUSED later, not when `pachctl start pipeline` returns. A pipeline that had failed stays failed. The old cluster can operate while the new one is built."
      ) {
        startPipelines
        WaitCondition(
          "every pipeline the migration stopped to run again",
          until: noStartedPipeline(notRunning), timeout: "${WAIT_TIMEOUT}")
      }
      Step(
        "reopen-pachd-port", "Move pachd back to port 30650",
        explanation:
          "Saves pachd's service spec again, changes the service back to port 30650 and points your pachctl context at it.",
        enabledBy: "PAUSE_DATA_LOADING"
      ) {
        movePachdPort(from: 30649, to: 30650)
      }
      Step(
        "resume-data-loaders", "Restart the data loading from a checkpoint",
        explanation:
          "The new cluster's data loading starts from this checkpoint (`load-from-checkpoint`): whatever is loaded into the old cluster from then on is played back into the new one."
      ) {
        ManualInstruction(
          "Restart the paused data loading processes, and record the checkpoint from which they started."
        )
      }
    }
  }
}
