import Model
import Testing

@Suite struct ShellTextTests {
  @Test func commandsInPipelinesListsAndSubstitutionsAreFound() {
    let text = ShellText(
      #"DB=$(kubectl get pod | grep ^db | awk '{ print $1 }') && tar -czf x.tgz; rm -f x"#)
    #expect(text.commands == ["kubectl", "grep", "awk", "tar", "rm"])
    #expect(text.assigns == ["DB"])
  }

  @Test func argumentsAndRemoteCommandsAreNotTools() {
    let text = ShellText(#"kubectl exec db-0 -- bash -c 'psql -U sense < /data/db.sql'"#)
    #expect(text.commands == ["kubectl"])
  }

  @Test func loopsKeywordsAndBuiltinsAreNotTools() {
    let text = ShellText(
      """
      for d in web cron; do
        kubectl scale deployment "$d" --replicas=0
      done
      if [[ -s file ]]; then printf '%s' x; fi
      while read -r name count; do echo "$name"; done <list
      """)
    #expect(text.commands == ["kubectl"])
    #expect(text.assigns == ["d", "name", "count"])
    #expect(text.reads == ["d", "name"])
  }

  @Test func singleQuotesEscapesAndQuotedHeredocsReadNothing() {
    let text = ShellText(
      """
      echo '$A' \\$B "\\$C"
      cat <<'EOF'
      $D
      EOF
      cat <<EOF
      $E
      EOF
      """)
    #expect(text.reads == ["E"])
    #expect(text.commands == ["cat"])
  }

  @Test func bracedExpansionsWithOperatorsReadTheirName() {
    let text = ShellText(#"echo "${A:-default}" "${#B}" "${C//x/$D}" $((E + 1)) $((F))"#)
    #expect(text.reads == ["A", "B", "C", "D"])
  }

  @Test func arrayAssignmentsHoldWordsNotCommands() {
    let text = ShellText(#"offline=(--offline "$MODE"); "${CLI}" "${offline[@]}" migrate"#)
    #expect(text.commands == ["${CLI}"])
    #expect(text.assigns == ["offline"])
    #expect(text.reads == ["MODE", "CLI", "offline"])
  }

  @Test func appendedArraysAndTestExpressionsRunNoProgram() {
    let text = ShellText(
      #"flags+=(--no-ssl "$MODE"); if [[ -n "${A}" && -n "${B}" || ( -z x ) ]]; then tool "${flags[@]}"; fi"#
    )
    #expect(text.commands == ["tool"])
    #expect(text.assigns == ["flags"])
    #expect(text.reads == ["MODE", "A", "B", "flags"])
  }

  @Test func xargsRunsTheCommandAfterItsOptions() {
    let text = ShellText(
      "pachctl list pipeline --raw | jq -r '.name' | xargs -P3 -n1 -I{} pachctl stop pipeline {}")
    #expect(text.commands == ["pachctl", "jq", "xargs"])
  }
}

@Suite struct ShellTextRobustnessTests {
  @Test(arguments: [
    "\"${T}\"(\"", "echo \"unterminated", "echo 'open", "echo \\", "a $(b", "`x", "${", "x <<",
    "cat <<EOF\nbody", "\\",
  ])
  func unbalancedTextIsScannedWithoutCrashing(text: String) {
    _ = ShellText(text).commands
    _ = ShellText(text).reads
  }
}
