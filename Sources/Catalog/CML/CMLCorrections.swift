import Model

extension CML {
  /// Every place the model departs from its source document, and why.
  static let corrections: [Correction] = [
    Correction(
      "A stray `then` after `chown`",
      source:
        "kubectl exec cml-migration-pod -n ${NAMESPACE} -- chown -R 8536:8536 /migration/projects; then",
      problem:
        "`then` outside an `if` is a bash syntax error (`syntax error near unexpected token 'then'`): the snippet does not parse, so a script stops there and an operator pasting it gets an error instead of the ownership change.",
      fix: "Runs the `chown` on its own.",
      steps: ["copy-project-files"]),
    Correction(
      "`$site_config` is never set",
      source: "kubectl cp ${NAMESPACE}/db-0:/tmp/$site_config.csv ${TEMP_DIR}/site_config.csv",
      problem:
        "No variable `site_config` exists: it expands to nothing, so kubectl copies `/tmp/.csv`, which does not exist, and the saved site configuration is lost (under `set -u` a script stops with `unbound variable`).",
      fix: "Copies `/tmp/site_config.csv`.",
      steps: ["save-site-config"]),
    Correction(
      "`kubectl delete job` given a file path",
      source: "kubectl delete job ${TEMP_DIR}/db-migrations.yaml -n ${NAMESPACE}",
      problem:
        "`kubectl delete job NAME` takes a job's name, and a path is not a valid name, so the old job is never deleted; the `kubectl apply` that follows then finds the finished job in place and does not run the migrations again.",
      fix:
        "Deletes the job by its name (read from the saved manifest), then creates it again from the manifest.",
      steps: ["rerun-db-migrations"]),
    Correction(
      "Watching a job as if it were a pod",
      source:
        "Watch the output of `kubectl get pod ${MIGRATION_JOB} -n ${NAMESPACE}` until it completes.",
      problem:
        "A job's name is not the name of its pod (the pod's name has a generated suffix), so this reports `NotFound` however long one watches, and a watch by eye has no timeout.",
      fix:
        "Waits for the job's `complete` condition with `kubectl wait`, polling for at most `WAIT_TIMEOUT` seconds.",
      steps: ["rerun-db-migrations"]),
    Correction(
      "The saved job manifest cannot be created again",
      source:
        "kubectl get job -n ${NAMESPACE} ${MIGRATION_JOB} -o yaml \\\n  | grep -v controller-uid \\\n  > ${TEMP_DIR}/db-migrations.yaml",
      problem:
        "The manifest keeps `metadata.resourceVersion`, `uid`, `creationTimestamp` and `status`; the API server refuses to create an object that carries a resourceVersion (`resourceVersion should not be set on objects to be created`).",
      fix:
        "Removes those fields as well as the controller-uid lines, and saves the manifest once, so that a second run after a failure still has it.",
      steps: ["rerun-db-migrations"]),
    Correction(
      "A SQL statement without its semicolon",
      source:
        "UPDATE projects SET slug = slug || '-cdsw-user-' || user_id WHERE slug IN (SELECT slug FROM projects GROUP BY slug HAVING COUNT(*) > 1)",
      problem:
        "psql runs a statement only when it reads its `;`. Pasted before the next block, it is joined with the next `UPDATE` into one invalid statement (`syntax error at or near \"UPDATE\"`); pasted last, it waits in the buffer and never runs. Either way project URLs stay ambiguous.",
      fix:
        "Ends every statement with `;` and runs the SQL with `ON_ERROR_STOP=1`, so a failing statement fails the step.",
      steps: ["make-project-slugs-unique"]),
    Correction(
      "A backslash line continuation inside SQL",
      source: "TRUNCATE \\\n  access_keys, authorized_keys, followers, ...",
      problem:
        "psql reads a backslash as the start of a meta-command and rejects it (`invalid command \\`), so the TRUNCATE is mangled. SQL statements may span lines without any continuation character.",
      fix: "Writes the TRUNCATE across lines with no backslash.",
      steps: ["delete-irrelevant-context"]),
    Correction(
      "Moving the live database directory away",
      source:
        "kubectl exec cml-migration-pod -n ${NAMESPACE} -- mv /migration/db-versioned/11 /migration/db-versioned/11.cml-migrate.$(date -Iseconds)",
      problem:
        "`/migration/db-versioned/11` is the workspace database's data directory. Moving it away (to keep a copy, as the text says) leaves nothing in its place: db-0 restarts on an empty data directory, a fresh cluster without the workspace's schemas, and the steps that follow (`DROP SCHEMA feature_flags`) fail. The `$(date ...)` also runs on the operator's machine, not in the pod.",
      fix:
        "Copies the directory with `cp -a` to `11.cml-migrate`, once, leaving the live data where the database expects it.",
      steps: ["back-up-database-files"]),
    Correction(
      "`metering` is scaled down and never scaled back up",
      source:
        "for d in web feature-flags usage-reporter model-proxy cron metering; do\n  kubectl scale deployment -n ${NAMESPACE} $d --replicas=0\ndone\n...\nfor d in feature-flags usage-reporter model-proxy cron ; do\n  kubectl scale deployment -n ${NAMESPACE} $d --replicas=1\ndone",
      problem:
        "The scale-up lists leave out `metering`, so it stays at zero replicas after the migration.",
      fix:
        "Records every deployment's replica count before scaling down and restores exactly those counts, `metering` included.",
      steps: ["save-workspace-replicas", "start-services"]),
    Correction(
      "Replica counts are guessed when scaling back up",
      source:
        "kubectl scale deployment $d --replicas=1\n...\nkubectl scale deployment $d --replicas=3",
      problem:
        "Assumes every client ran one replica and `web` three; a cluster sized otherwise comes back different from how it was.",
      fix: "Restores the counts recorded before the scale-down, in the export and in the import.",
      steps: [
        "save-cdsw-replicas", "start-cdsw-database-clients", "save-workspace-replicas",
        "start-services",
      ]),
    Correction(
      "The archive depends on the current directory",
      source:
        "tar --exclude='projects/scratch/*' -czf cml-migration.tar.gz -C `pwd` db.sql projects",
      problem:
        "The dump was written to `/var/lib/cdsw/current/db.sql`, but `` -C `pwd` `` archives `db.sql` and `projects` from wherever the operator happens to be; anywhere else, tar fails or archives the wrong files.",
      fix: "Archives from `CDSW_DIR` explicitly, to a temporary name renamed when complete.",
      steps: ["archive-dump-and-projects"]),
    Correction(
      "The admin is chosen by editing a CSV file by hand",
      source:
        "Edit `${TEMP_DIR}/users.csv` and ensure there is *exactly one* entry. ... Remove the \"id,\" field from the header / first row, and the corresponding value from the second row.",
      problem:
        "A hand edit of a CSV file is easy to get wrong and cannot be automated; the wrong row makes the wrong user the owner of everything.",
      fix:
        "Saves exactly one admin: the one named by `ADMIN` (which must be an admin), or the only admin; with several and none named it asks, and under `--yes` stops with the list of candidates. The `id` column is removed by the script, and the result is checked to hold one user.",
      steps: ["save-admin-user"]),
    Correction(
      "The engine image's id is removed for one description only",
      source:
        "cat ${TEMP_DIR}/engine_images1.csv | tail -n +2 | sed 's/^[[:digit:]]\\+,Default engine image/Default engine image/g' >> ${TEMP_DIR}/engine_images2.csv",
      problem:
        "The id is stripped only when the image's description starts with `Default engine image`; for any other newest image the id stays, the row has one value more than the header, and the later `COPY` fails. `\\+` is also a GNU extension that BSD sed on Mac OS X does not know.",
      fix:
        "Strips the leading id whatever the description, with a portable expression (`s/^[0-9][0-9]*,//`).",
      steps: ["save-default-engine-image"]),
    Correction(
      "SQL typed into an interactive psql session",
      source: "kubectl exec -it db-0 -n ${NAMESPACE} -- psql -U sense",
      problem:
        "An interactive session needs a terminal and a person, and psql carries on after a failed statement, so later statements run on a half-updated database.",
      fix:
        "Sends the statements on standard input to `psql -v ON_ERROR_STOP=1` through `kubectl exec -i`, so the first error stops the step.",
      steps: [
        "pause-jobs-and-stop-applications", "make-project-slugs-unique",
        "transfer-ownership-to-admin",
        "delete-irrelevant-context", "list-users-to-delete", "delete-previous-users",
      ]),
    Correction(
      "The restore of the dump ignores errors",
      source:
        "kubectl exec db-0 -n ${NAMESPACE} -- bash -c 'psql -U sense < /data-versioned/db.sql'",
      problem:
        "Without `ON_ERROR_STOP`, psql reports a failing statement and goes on, so a half-restored database goes unnoticed until users find missing data.",
      fix: "Restores with `psql -v ON_ERROR_STOP=1`, so a failure stops the step.",
      steps: ["replace-database"]),
    Correction(
      "Re-running the COPY of the admin or of the engine image",
      source:
        #"kubectl exec db-0 -n ${NAMESPACE} -- psql -U sense -c "COPY users(${CSV_COLUMNS}) FROM '/tmp/users.csv' DELIMITER ',' CSV HEADER""#,
      problem:
        "The source COPYs the saved admin and the saved engine image, then removes the CSV. When anything after the COPY fails (the `rm`, or the COPY's own response is lost), the step is run again: the second COPY of the admin fails on the unique username, so no resume ever completes, and the second COPY of the engine image silently adds a second row (engine_images has no unique key).",
      fix:
        "Each step first asks the database whether the admin (by username) or an image from the saved repository is already there, and COPYs only when it is not; the CSV is removed with `rm -f`, so removing it again is not an error.",
      steps: ["import-admin-user", "import-engine-image"]),
  ]
}
