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
        "The address is built from --pachd-host, which the step requires, and the context name is quoted `$(...)`.",
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
        "The backup is written to WORK_DIR/pachyderm-backup or --backup-url, and the buckets are --source-bucket and --clone-bucket; `pachctl restore` reads the same backup.",
      steps: ["extract-backup", "clone-bucket", "restore-backup"]),
    Correction(
      "Paused and started pipelines are checked",
      source: "pachctl list pipeline",
      problem:
        "The source asks the reader to confirm with `pachctl list pipeline` that each pipeline is paused, or started, by reading its output.",
      fix:
        "After stopping, the script waits (up to --wait-timeout seconds) until no pipeline's state differs from PIPELINE_PAUSED; after starting, it checks that none is still PIPELINE_PAUSED.",
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
        "The commands use kubectl's default namespace and the current directory, while the new cluster is brought up in another namespace, possibly of the same Kubernetes cluster.",
      fix:
        "The kubectl commands name --namespace (the old cluster's), and the service specs are saved in WORK_DIR.",
      steps: ["close-pachd-port", "reopen-pachd-port", "disable-old-cluster"]),
  ]
}
