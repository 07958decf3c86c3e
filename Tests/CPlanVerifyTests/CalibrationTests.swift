import CPlanCore
import CPlanModel
import Foundation
import Testing

@testable import CPlanVerify

/// `verify` on seven real, human-written Conduit backends, with their labels.
@Suite(.enabled(if: Fixtures.realworldAppsPresent, "../shared/realworld-apps is absent"))
struct RealAppCalibrationTests {
  private func report() throws -> CalibrationReport {
    let labels = try CalibrationLabels.read(
      Fixtures.repository.appendingPathComponent("Benchmarks/verify-calibration.json").path)
    let packs = ConstraintLoader().load(
      paths: [Fixtures.repository.appendingPathComponent("Constraints/packs").path]).packs
    return try CalibrationReport.run(
      labels: labels, root: try #require(Fixtures.realworldApps).path, packs: packs)
  }

  @Test func everyLabelledVerdictIsRightAndNoInnocentLineFlipsOne() throws {
    let report = try report()
    #expect(report.verdicts.count >= 15)
    #expect(report.verdicts.contains { $0.violates } && report.verdicts.contains { !$0.violates })
    for verdict in report.wrongVerdicts {
      Issue.record("\(verdict.app) \(verdict.name): \(verdict.failed ? "failed" : "passed")")
    }
    for verdict in report.flipped {
      Issue.record("\(verdict.app) \(verdict.name) flipped by \(verdict.flippedBy)")
    }
  }

  @Test func packFindingsAreLabelledAndAtMostFivePercentFalse() throws {
    let report = try report()
    #expect(report.packFindings.count >= 40)
    #expect(report.unlabelled.isEmpty, "\(report.unlabelled.map { "\($0.app) \($0.finding)" })")
    #expect(report.missing.isEmpty, "\(report.missing)")
    #expect(report.falsePositiveRate <= 0.05)
  }

  @Test func perturbationsCarryEvidenceThatDecidesNothing() throws {
    let apps = try #require(Fixtures.realworldApps)
    for folder in ["fastapi-realworld-example-app", "Conduit_NodeJS"] {
      let workspace = try Workspace.folder(at: apps.appendingPathComponent(folder).path)
      let before = EvidenceScanner.scan(workspace.files).count
      for perturbation in InnocentPerturbation.allCases
      where perturbation != .comments && perturbation != .docs {
        let items = EvidenceScanner.scan(perturbation.applied(to: workspace).files)
        #expect(items.count > before, "\(folder) \(perturbation)")
        #expect(items.filter(\.decides).count == EvidenceScanner.scan(workspace.files).filter(\.decides).count)
      }
    }
  }

  @Test func folderAndPatchModeAgreeOnCRLFFiles() throws {
    let app = try #require(Fixtures.realworldApps).appendingPathComponent("Conduit_NodeJS")
    let folder = try Workspace.folder(at: app.path)
    // The same files as one patch that adds them all, CRLF line ends kept.
    var patch = ""
    for file in ["dbConnection.js", "index.js", "package.json"] {
      let text = try String(contentsOf: app.appendingPathComponent(file), encoding: .utf8)
      #expect(file == "package.json" || text.contains("\r\n"))
      // Split on LF bytes: in Swift "\r\n" is one Character, so a Character split keeps it.
      let lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
      let body = (text.utf8.last == 10 ? lines.dropLast() : lines[...])
      patch += "diff --git a/\(file) b/\(file)\nnew file mode 100644\n--- /dev/null\n+++ b/\(file)\n"
      patch += "@@ -0,0 +1,\(body.count) @@\n" + body.map { "+\($0)\n" }.joined()
    }
    let patched = Workspace(patch: Patch.parse(patch), input: "all.patch")
    for name in ["express-openapi-postgres-sequelize", "express-openapi-sqlite-sequelize"] {
      let verifier = Verifier(target: try VerificationTarget.named(name))
      let fromFolder = verifier.verify(folder)
      let fromPatch = verifier.verify(patched)
      #expect(fromFolder.passed == fromPatch.passed, "\(name)")
      let places = { (report: VerificationReport) in
        Set(report.outcomes.filter { $0.id == "database" }.flatMap(\.evidence).map(\.description))
      }
      #expect(places(fromFolder) == places(fromPatch), "\(name)")
    }
    let evidence = EvidenceScanner.scan(folder.files).filter { $0.path == "dbConnection.js" }
    #expect(evidence.contains { $0.line > 1 })
  }
}
