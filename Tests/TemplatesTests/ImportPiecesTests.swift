import Model
import Testing

@testable import Templates

/// The pieces `import` and `drift` are made of: what they rewrite, what
/// they take for a file write or a parameter, and what they compare.
@Suite struct ImportPiecesTests {
  @Test func renamingRewritesExpansionsButNotSingleQuotesOrLongerNames() {
    #expect(
      ShellRewrite.renaming("x", to: "X", in: #"echo $x "${x}" '$x' $xy \$x ${x:-d}"#)
        == #"echo ${X} "${X}" '$x' $xy \$x ${X:-d}"#)
  }

  @Test func placeholdersOutsideSingleQuotesBecomeParameters() {
    let (text, found) = ShellRewrite.placeholders(
      inCommand: "pachctl stop pipeline <pipeline-name> --v={{ config.version }} '<kept>'")
    #expect(text == "pachctl stop pipeline ${PIPELINE_NAME} --v=${VERSION} '<kept>'")
    #expect(found.map(\.name) == ["PIPELINE_NAME", "VERSION"])
    // A redirection and a here-document are not placeholders.
    #expect(ShellRewrite.placeholders(inCommand: "sort <in.txt >out.txt").found.isEmpty)
    let heredoc = "cat > f.yaml <<EOF\nname: <name>\nEOF"
    #expect(ShellRewrite.placeholders(inCommand: heredoc).text == heredoc)
  }

  @Test func onlyALosslessHereDocumentOfYAMLOrJSONIsAFileWrite() {
    let parameter: (String) -> Bool = { $0 == "DIR" }
    let json = FileWriteCommand(
      "cat <<'EOF' > \"${DIR}/a.json\"\n{\"a\": 1}\nEOF", isParameter: parameter)
    #expect(json?.write == FileWrite("${DIR}/a.json", language: "json", content: "{\"a\": 1}\n"))
    for command in [
      "cat >> ${DIR}/a.yaml <<EOF\na: 1\nEOF",  // appends
      "cat > ${DIR}/a.txt <<EOF\na: 1\nEOF",  // neither YAML nor JSON
      "cat > ${DIR}/a.yaml <<EOF\na: $(date)\nEOF",  // a command substitution
      "cat > ${TMP}/a.yaml <<EOF\na: 1\nEOF",  // TMP is no parameter
      "cat > ${DIR}/a.yaml <<'EOF'\na: ${DIR}\nEOF",  // bash keeps ${DIR} literal here
      "tee ${DIR}/a.yaml <<EOF\na: 1\nEOF",  // not cat
    ] {
      #expect(FileWriteCommand(command, isParameter: parameter) == nil, "\(command)")
    }
  }

  @Test func onlyALiteralAssignmentIsAParameter() {
    func assignment(_ text: String) -> DraftParameters.Assignment? {
      DraftParameters.Assignment(SourceCommandLine(line: 1, text: text, origin: "bash"), known: [])
    }
    #expect(assignment("NAMESPACE=mlx")?.value == "mlx")
    #expect(assignment("export WORK=${HOME}/work")?.value == "${HOME}/work")
    #expect(assignment(#"TITLE="two words""#)?.value == "two words")
    #expect(assignment("TITLE='it is'")?.value == "it is")
    #expect(assignment("TEMP_DIR=$(mktemp -d)") == nil)
    #expect(assignment("temp=1") == nil)
    #expect(assignment("PATH=/bin") == nil)
    #expect(assignment("A=1 command") == nil)
    #expect(assignment("A=${OTHER}") == nil)
  }

  @Test func driftNormalisesQuotingAndSpellingButNotMeaning() {
    #expect(
      CommandDrift.normalized(#"kubectl  get -n "${NS}" 'pod x'"#)
        == CommandDrift.normalized("kubectl get -n $NS pod\\ x"))
    #expect(CommandDrift.normalized("echo ${X:-d}") != CommandDrift.normalized("echo $X"))
    #expect(CommandDrift.normalized("rm -r $D") != CommandDrift.normalized("rm -rf $D"))
    #expect(CommandDrift.isFraming("main() {"))
    #expect(CommandDrift.isFraming("function cleanup {"))
    #expect(CommandDrift.isFraming("set -Eeuo pipefail"))
    #expect(!CommandDrift.isFraming("kubectl get pods"))
    #expect(CommandDrift.alike("kubectl delete pod db-0", "kubectl delte pod db-0"))
    #expect(!CommandDrift.alike("kubectl delete pod db-0", "tar -czf out.tgz ."))
  }
}
