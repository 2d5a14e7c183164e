import Foundation
import Testing
import RunCostCore
import RunCostTestSupport
@testable import RunCostFiles

/// A comment written into a saved file (it quotes the workload's path) must stay a comment:
/// YAML ends a line at CR, CRLF, NEL, LS and PS as well as LF (issue 13 item 4: scalars, not Characters).
@Suite struct YAMLCommentTests {
    @Test func everyLineBreakScalarStartsACommentLine() {
        let text = YAMLText.comment("from a\r\nrequests: 1B\rmemory: 10GB\u{85}x: 1\u{2028}y: 2\u{2029}z\u{1B}[2J")
        #expect(text == "# from a\n# requests: 1B\n# memory: 10GB\n# x: 1\n# y: 2\n# z\\u{1B}[2J\n")
    }

    @Test func aSavedWorkloadReadsBackWithoutTheCommentsFields() throws {
        let w = Workload(requestsPerMonth: 3e6, duration: 0.12, memoryMiB: 1536)
        let yaml = try WorkloadWriter.yaml(w, comment: "Saved by runcost tui from evil\r\nrequests: 1B\rmemory: 10GB.")
        let dir = try ScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("w.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let back = try WorkloadSpec(file: path).build()
        #expect(back.requestsPerMonth == 3e6 && back.memoryMiB == 1536)
    }
}
