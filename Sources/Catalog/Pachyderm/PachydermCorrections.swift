import Model

extension Pachyderm {
  static let corrections: [Correction] = [
    Correction(
      "Shell aliases are spelled out",
      source: "kubectl get svc/pachd -o json | sed 's/30650/30649/g' | kc apply -f -",
      problem:
        "`kc` (and `pc` in `pc version`, in the source's step 4) are the author's shell aliases for kubectl and pachctl; in a script or another shell they are \"command not found\", after the service spec was already read.",
      fix: "The commands run `kubectl` and `pachctl`.",
      steps: ["close-pachd-port", "reopen-pachd-port"]),
    Correction(
      "The cluster IP is a parameter",
      source:
        "pachctl config update context `pachctl config get active-context` --pachd-address=<cluster ip>:30649",
      problem:
        "`<cluster ip>` is a placeholder, which the shell reads as redirections (from a file named `cluster`, to a file named `:30649`); the unquoted backquotes split a context name with spaces.",
      fix:
        "The address is built from --pachd-host, which the step requires, and the context updated is --pach-context, which the preflight found active, quoted.",
      steps: ["close-pachd-port", "reopen-pachd-port"]),
    Correction(
      "pachctl version is not compared with a template",
      source: "pachd               {{ config.pach_latest_version }}",
      problem:
        "The expected output of `pachctl version` is a documentation template; on the old cluster pachd runs the old version, not the latest.",
      fix:
        "On the old cluster `pachctl version` only has to succeed (it fails when pachd cannot be reached). On the new cluster, pachd must report the version given with --pach-version.",
      steps: ["close-pachd-port", "reopen-pachd-port", "deploy-new-cluster"]),
    Correction(
      "Confirming the cluster is a check, and covers pachctl",
      source:
        "Use the `kubectl config current-config` command to confirm you're talking to the correct kubernetes cluster configuration",
      problem:
        "`kubectl config current-config` does not exist (the command is `current-context`), the confirmation is left to the reader, and pachctl, which runs the extract and the restore, has a context of its own.",
      fix:
        "Before each phase the script checks that `kubectl config current-context` prints --kube-context (old cluster) or --new-kube-context (new cluster), and that `pachctl config get active-context` prints --pach-context or --new-pach-context; otherwise it stops with exit status 3 before any step.",
      steps: ["stop-pipelines", "restore-backup", "disable-old-cluster"]),
    Correction(
      "Paths and buckets are parameters",
      source: "pachctl extract --no-objects > path/to/your/backup/file",
      problem:
        "`path/to/your/backup/file`, `s3://...`, `s3://mybucket` and `s3://mybucket2` are placeholders.",
      fix:
        "The backup is written to WORK_DIR/pachyderm-backup (and copied to --backup-url when given), and the buckets are --source-bucket and --clone-bucket; `pachctl restore` reads the same backup.",
      steps: ["extract-backup", "clone-bucket", "restore-backup"]),
    Correction(
      "Paused and started pipelines are checked",
      source: "pachctl list pipeline",
      problem:
        "The source asks the reader to confirm with `pachctl list pipeline` that each pipeline is paused, or started, by reading its output.",
      fix:
        "After stopping, the script waits (up to --wait-timeout seconds) until every pipeline is stopped; after starting, it waits until every pipeline it started runs again (see the corrections below for what counts).",
      steps: ["stop-pipelines", "start-pipelines"]),
    Correction(
      "Disabling the old cluster is a command",
      source:
        "Once you've confirmed that the new cluster is operating, you can disable the old cluster.",
      problem: "The source gives no command, and does not say what disabling means.",
      fix:
        "The old pachd deployment is scaled to zero replicas after a confirmation, which keeps the old cluster's data so that it can be reactivated.",
      steps: ["disable-old-cluster"]),
    Correction(
      "The old namespace is named",
      source: "kubectl get svc/pachd -o json >pach_service_backup_30650.json",
      problem:
        "The commands use kubectl's current namespace and the current directory, while the new cluster is brought up in another namespace, possibly of the same Kubernetes cluster. `default` is not Pachyderm's namespace either: `pachctl deploy --namespace` defaults to the empty string, kubectl's current namespace (pachyderm/pachyderm, src/server/pkg/deploy/cmds/cmds.go @ v1.9.1 line 719; @ v1.13.4 line 353), so a silent `default` could move the port of, or scale down, whichever pachd is there, maybe the new one.",
      fix:
        "--namespace (the old cluster's) is required, has no default, and is named by every kubectl command; the service specs are saved in WORK_DIR.",
      steps: ["close-pachd-port", "reopen-pachd-port", "disable-old-cluster"]),
    Correction(
      "Every kubectl and pachctl call names its context",
      source:
        "configure `kubectl` to point at the cluster that Pachyderm is running in.",
      problem:
        "Both tools act on a shared, mutable current context: kubeconfig's current-context, and pachctl's active context, which `pachctl config set active-context` rewrites (pachyderm/pachyderm, src/server/config/cmds.go @ v1.9.1 lines 100-115). A check before the phase does not stop another terminal from switching it during a run of many minutes, and the old and new clusters may share a Kubernetes cluster.",
      fix:
        "Every kubectl command passes `--context` of its phase (--kube-context), and every pachctl command runs with PACH_CONTEXT set to its phase's pachctl context (--pach-context or --new-pach-context), or names the context it updates, the variable pachctl reads to override the active context (src/client/pkg/config/config.go @ v1.9.1 lines 15 and 31-45; @ v1.13.4 lines 17-20 and 39-50). Each phase declares these pins in the model, and lint refuses a call that lacks its pin (`unpinned-context`). The preflight checks stay.",
      steps: [
        "stop-pipelines", "close-pachd-port", "extract-backup", "start-pipelines",
        "reopen-pachd-port", "deploy-new-cluster", "restore-backup", "disable-old-cluster",
      ]),
    Correction(
      "Only pachd's nodePort is changed, with a patch",
      source: "kubectl get svc/pachd -o json | sed 's/30650/30649/g' | kc apply -f -",
      problem:
        "`sed 's/30650/30649/g'` rewrites every 30650 in the service's JSON, not only the port: a resourceVersion such as 3065091 becomes 3064991, or a uid or annotation changes, and `kubectl apply` of a spec with a changed resourceVersion is refused by the API server as a conflict. The port to move is the nodePort of the service's first port, `api-grpc-port` (pachyderm/pachyderm, src/server/pkg/deploy/assets/assets.go @ v1.9.1 lines 629-636, @ v1.13.4 lines 834-841, which say no port may be put before it).",
      fix:
        "`kubectl patch svc/pachd --type=json` tests that /spec/ports/0/name is api-grpc-port and replaces /spec/ports/0/nodePort, nothing else; patching to the port it already has changes nothing, so a resumed step is safe. Only the nodePort moves: clients inside the Kubernetes cluster that use pachd:650 are not stopped.",
      steps: ["close-pachd-port", "reopen-pachd-port"]),
    Correction(
      "The saved service spec is written once",
      source: "kubectl get svc/pachd -o json >pach_service_backup_30650.json",
      problem:
        "Run again (a resumed step), the command overwrites the saved spec with the live one, which by then may already be the moved one: the backup meant to restore the service quickly then holds the changed spec.",
      fix:
        "The spec is saved to a .partial file and renamed, and only when no saved copy exists yet: a resume keeps the first, original copy.",
      steps: ["close-pachd-port", "reopen-pachd-port"]),
    Correction(
      "A stopped pipeline is paused or failed, and the listing must succeed",
      source: "You can confirm each pipeline is paused using the `list pipeline` command",
      problem:
        "A failed pipeline never becomes PIPELINE_PAUSED when stopped: the master handles PIPELINE_FAILURE first and leaves it failed (pachyderm/pachyderm, src/server/pps/server/master.go @ v1.9.1 lines 213-222; src/server/pps/server/pipeline_controller.go @ v1.13.4 lines 199-206), so waiting for PAUSED alone never ends while one pipeline has failed. Pachyderm itself counts a pipeline as stopped when it is PAUSED or FAILURE (GarbageCollect, src/server/pps/server/api_server.go @ v1.9.1 lines 2779-2791, @ v1.13.4 lines 4036-4048). And `[[ -z \"$(pachctl list pipeline --raw | jq ...)\" ]]` passes when pachctl cannot reach pachd: the failed listing prints nothing, and `[[ -z ]]` does not see its status.",
      fix:
        "The wait captures `pachctl list pipeline --raw` first and fails the try when it (or jq) fails; it passes once no pipeline is in a state other than PIPELINE_PAUSED or PIPELINE_FAILURE.",
      steps: ["stop-pipelines"]),
    Correction(
      "Starting waits until the pipelines run",
      source: "You can confirm each pipeline is started using the `list pipeline` command",
      problem:
        "`pachctl start pipeline` only clears the pipeline's `stopped` flag in a new spec commit and returns (StartPipeline, pachyderm/pachyderm, src/server/pps/server/api_server.go @ v1.9.1 lines 2451-2488, @ v1.13.4 lines 3404-3442); the master or controller moves it out of PIPELINE_PAUSED later (master.go @ v1.9.1 lines 187-190 and 240-246; pipeline_controller.go @ v1.13.4 lines 181-192). A check made at once races it.",
      fix:
        "After starting, the script waits (up to --wait-timeout seconds, failing a try whose listing fails) until no pipeline the migration stopped is still stopped or in a state other than PIPELINE_RUNNING or PIPELINE_STANDBY; a PIPELINE_FAILURE pipeline, which a start leaves failed, does not hold the wait.",
      steps: ["start-pipelines"]),
    Correction(
      "The backup is extracted to a file, then copied to --backup-url",
      source: "pachctl extract --no-objects --url s3://...",
      problem:
        "With --url, pachctl ignores --no-objects: it calls ExtractURL and returns before the only place the flag is read (pachyderm/pachyderm, src/server/admin/cmds/cmds.go @ v1.9.1 lines 35-37 and 44; the request carries no NoObjects, src/client/admin.go @ v1.9.1 lines 66-79, @ v1.13.4 lines 70-75; the same in v1.8.7). pachd then streams every object of the bucket into the backup (src/server/admin/server/api_server.go @ v1.9.1 lines 115-136), writes it with its own object store credentials, and refuses a URL with no object key (lines 82-89).",
      fix:
        "`pachctl extract --no-objects` always writes WORK_DIR/pachyderm-backup (through a .partial file); with --backup-url, `aws s3 cp` copies that file to the URL, and the new-cluster phase copies it back and restores it from the file.",
      steps: ["extract-backup", "restore-backup"]),
    Correction(
      "A restore runs again only into its own partial restore",
      source: "pachctl restore < path/to/your/backup/file",
      problem:
        "A restore cut off in the middle (or whose response was lost) leaves the new cluster partly restored; pachctl then warns that the cluster \"might be in an invalid state\" (src/server/admin/cmds/cmds.go @ v1.9.5 lines 66-75). Restoring into a cluster that already held other data would mix the two.",
      fix:
        "Before its first try the step checks that the new cluster holds no repo and leaves WORK_DIR/restore-started; a resume then runs the same restore again. That is safe because pachd applies each operation of a backup skipping what already exists: CreateRepo, BuildCommit, CreateBranch and CreatePipeline errors that say \"already exists\" are ignored (applyOp, pachyderm/pachyderm, src/server/admin/server/api_server.go @ v1.9.5 lines 459-488; @ v1.8.7 lines 434-453; @ v1.13.4 lines 847-874, CreateJob too).",
      steps: ["restore-backup"]),
    Correction(
      "pachctl must be 1.9.1 or later",
      source:
        "pachctl config update context `pachctl config get active-context` --pachd-address=<cluster ip>:30649",
      problem:
        "The commands need pachctl 1.9.1 or later, while the source's own example migrates from 1.8.7. `pachctl config` (the contexts the port move updates and the preflight reads) first appears in 1.9.1: 1.8.7 and 1.9.0 have no src/server/config at all, and v1.9.1 registers `config get active-context` and `config update context` (pachyderm/pachyderm, src/server/config/cmds.go @ v1.9.1 lines 98 and 196). 1.8.7 spells the pipeline commands with hyphens, `stop-pipeline` (src/server/pps/cmds/cmds.go @ v1.8.7 line 684); the spaced `list pipeline`, `start pipeline` and `stop pipeline` are aliases of 1.9 (same file @ v1.9.1 lines 693, 749 and 767). With a 1.8 or 1.9.0 pachctl, the first of them fails as an unknown command, which does not say that pachctl is too old.",
      fix:
        "Before each phase that runs pachctl (old-cluster and new-cluster), the script checks that `pachctl version --client-only` prints version 1.9.1 or later, compared part by part as numbers (1.10.0 is later than 1.9.1); otherwise it stops with exit status 3 before any step. With --client-only pachctl prints only its own version, MAJOR.MINOR.MICRO with any release suffix, and makes no call to pachd (src/server/cmd/pachctl/cmd/cmd.go @ v1.9.1 lines 362-371 and 438-440, @ v1.8.7 lines 226-235, @ v1.13.4 lines 367-376; the format: src/client/version/client.go @ v1.9.1 lines 37-54). The old cluster's pachd may run 1.8.7: only the client must be 1.9.1 or later.",
      steps: ["stop-pipelines", "deploy-new-cluster"]),
    Correction(
      "Only the pipelines the migration stopped are restarted",
      source: "restart all paused pipelines and data loading operations,",
      problem:
        "Starting every pipeline that `pachctl list pipeline` lists also starts the pipelines their owners had stopped on purpose before the migration: `pachctl start pipeline` clears a pipeline's `stopped` flag whatever stopped it (StartPipeline, pachyderm/pachyderm, src/server/pps/server/api_server.go @ v1.9.1 line 2479, @ v1.13.4 line 3421; the flag is PipelineInfo's `stopped`, src/client/pps/pps.proto @ v1.9.1 line 381, @ v1.13.4 line 426, which `list pipeline --raw` prints).",
      fix:
        "Before it stops anything, `stop-pipelines` records in WORK_DIR/pipelines-stopped-before (through a .partial file) the pipelines whose `stopped` flag is already set, and stops only the others; a resumed step keeps the first record, since by then the pipelines it stopped look the same. `start-pipelines` starts only the stopped pipelines not in that record, and its wait waits only for them; it takes the record by renaming it WORK_DIR/pipelines-stopped-before.used (which a resumed start reads), so that a later run of the phase records afresh, and it refuses to start anything without a record. The names are compared as words: a pipeline name holds only letters, digits, `_` and `-` (CreatePipeline checks it in validatePipeline, src/server/pps/server/api_server.go @ v1.9.1 lines 1877 and 1494, with src/server/pkg/ancestry/ancestry.go @ v1.9.1 lines 74-85).",
      steps: ["stop-pipelines", "start-pipelines"]),
    Correction(
      "The bucket clone prints errors only",
      source: "aws s3 sync s3://mybucket s3://mybucket2",
      problem:
        "The clone runs at the same time as the backup, and the script holds the output of a step of such a group until every step of the group has ended. `aws s3 sync` prints a line for every object it copies (and progress lines): after hours of silence, a bucket of millions of objects would print millions of lines at once, burying any error among them.",
      fix:
        "`aws s3 sync --only-show-errors` prints only errors and warnings: \"Only errors and warnings are displayed. All other output is suppressed.\" (AWS CLI Command Reference, `aws s3 sync`, https://docs.aws.amazon.com/cli/latest/reference/s3/sync.html, and the same option in version 1, https://docs.aws.amazon.com/cli/v1/reference/s3/sync.html). The step's explanation says that its output appears when the group ends.",
      steps: ["clone-bucket"]),
    Correction(
      "The old cluster is retired only after the new one is built",
      source:
        "Once you've confirmed that the new cluster is operating, you can disable the old cluster.",
      problem:
        "Nothing stops the retire phase from scaling the old pachd to zero before the new cluster was restored and confirmed.",
      fix:
        "The retire phase requires the new-cluster phase: the script records the new-cluster phase's completion (its last step is the operator's confirmation that the new cluster operates) in its state folder, and refuses to start the retire phase without that record; running the new-cluster phase again removes it until it completes again.",
      steps: ["load-from-checkpoint", "disable-old-cluster"]),
  ]
}
