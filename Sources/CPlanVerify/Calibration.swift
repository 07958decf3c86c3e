import CPlanModel
import Foundation

/// Labels of real, human-written backends: the task names each satisfies and violates, and a
/// true-or-false judgement of every pack-check finding under one checked name
/// (`Benchmarks/verify-calibration.json`).
public struct CalibrationLabels: Sendable, Decodable {
  /// One labelled app.
  public struct App: Sendable, Decodable {
    /// The app's folder under the apps root.
    public var folder: String
    /// The task name whose pack findings are labelled.
    public var checked: String
    /// Names the code satisfies: the built-in verifiers must pass them.
    public var honest: [String]
    /// Names the code violates: the built-in verifiers must fail them.
    public var violating: [String]
    /// Every pack finding (error or warning) under `checked`, judged.
    public var findings: [LabelledFinding]
  }

  /// One judged finding.
  public struct LabelledFinding: Sendable, Decodable {
    /// The rule id.
    public var rule: String
    /// The file, or nil for a finding about the whole project.
    public var file: String?
    /// The line, when the finding has one.
    public var line: Int?
    /// Whether the finding is right about the code.
    public var judgement: Bool
    /// Why, citing the code.
    public var reason: String
  }

  /// The apps.
  public var apps: [App]

  /// Reads labels from a JSON file.
  public static func read(_ path: String) throws -> CalibrationLabels {
    do {
      return try JSONDecoder().decode(
        CalibrationLabels.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    } catch let error as DecodingError {
      throw VerifyError.unreadable(path, reason: "not calibration labels: \(error)")
    } catch {
      throw VerifyError.unreadable(path, reason: VerifyError.reason(error))
    }
  }
}

/// Innocent lines of the kinds a verifier must not mistake for evidence: comments and
/// docstrings, a test fixture, dev-only dependencies, documentation, a CI file, a migration.
/// Each names both database engines and both ORMs, so that it could flip any verdict.
public enum InnocentPerturbation: String, Sendable, CaseIterable {
  case comments, testFixture = "test-fixture", devDependency = "dev-dependency", docs
  case ciFile = "ci-file", migration

  /// The workspace with this perturbation added.
  public func applied(to workspace: Workspace) -> Workspace {
    let node = workspace.paths.contains("package.json")
    var files = workspace.files
    var added: [SourceFile] = []
    switch self {
    case .comments:
      added.append(
        node
          ? SourceFile(
            path: "innocent-notes.js",
            content: """
              // const db = require('pg'); dialect: 'sqlite'
              /* production: { client: 'postgresql', connection: 'postgres://u@h/db' }
                 const { Sequelize } = require('sequelize'); new Sequelize('sqlite::memory:') */
              module.exports = {};
              """)
          : SourceFile(
            path: "innocent_notes.py",
            content: """
              \"\"\"Old setup: import sqlite3, then sqlite:///dev.db; later postgresql://u@h/db.\"\"\"
              # import asyncpg
              # from sqlalchemy import create_engine
              # ENGINE = 'django.db.backends.sqlite3'
              NOTES = None
              """))
    case .testFixture:
      added.append(
        node
          ? SourceFile(
            path: "test/fixtures/innocent.js",
            content: """
              const sqlite3 = require('sqlite3');
              const { Pool } = require('pg');
              const { Sequelize } = require('sequelize');
              const db = new Sequelize({ dialect: 'sqlite', storage: ':memory:' });
              """)
          : SourceFile(
            path: "tests/conftest_innocent.py",
            content: """
              import sqlite3
              import asyncpg
              from sqlalchemy import create_engine
              TEST_URL = "sqlite:///:memory:"
              OTHER_URL = "postgresql://u@h/db"
              """))
    case .devDependency:
      if node, let index = files.firstIndex(where: { $0.path == "package.json" }) {
        var lines = files[index].lines.map(\.text)
        let open = lines.firstIndex { $0.contains("{") } ?? 0
        lines.insert(
          #"  "devDependencies": { "sqlite3": "*", "pg": "*", "sequelize": "*", "better-sqlite3": "*" },"#,
          at: open + 1)
        files[index] = SourceFile(path: "package.json", content: lines.joined(separator: "\n"))
      } else {
        added.append(
          SourceFile(
            path: "requirements-dev.txt",
            content: "aiosqlite\nasyncpg\npsycopg2-binary\nsqlalchemy\n"))
      }
    case .docs:
      added.append(
        SourceFile(
          path: "docs/innocent-setup.md",
          content: """
            Run locally with `sqlite:///dev.db` or `postgresql://u@h/db`;
            `import sqlite3`, `require('pg')`, `from sqlalchemy import create_engine`.
            """))
    case .ciFile:
      added.append(
        SourceFile(
          path: ".github/workflows/innocent.yml",
          content: """
            env:
              DATABASE_URL: postgresql://u@h/db
              TEST_DATABASE_URL: sqlite:///test.db
              dialect: 'sqlite'
            """))
    case .migration:
      added.append(
        node
          ? SourceFile(
            path: "migrations/0001-innocent.js",
            content: "const { Sequelize } = require('sequelize');\nconst pg = require('pg');\n"
              + "const sqlite3 = require('sqlite3');\n")
          : SourceFile(
            path: "migrations/versions/0001_innocent.py",
            content: "import sqlalchemy as sa\nimport sqlite3\nimport asyncpg\n"))
    }
    return Workspace(
      input: workspace.input, kind: workspace.kind, files: files + added,
      paths: workspace.paths + added.map(\.path), problems: workspace.problems)
  }
}

/// How right `cplan verify` is on labelled real apps: built-in verdicts (a violation found is
/// a positive), verdicts flipped by innocent perturbations, and pack findings judged false.
public struct CalibrationReport: Sendable {
  /// One built-in verdict.
  public struct Verdict: Sendable {
    /// The app folder.
    public var app: String
    /// The task name.
    public var name: String
    /// Whether the code violates the name (the label).
    public var violates: Bool
    /// Whether the built-in verifiers failed it.
    public var failed: Bool
    /// Perturbations that changed the verdict.
    public var flippedBy: [InnocentPerturbation]
  }

  /// One pack finding, with its label.
  public struct PackFinding: Sendable {
    /// The app folder.
    public var app: String
    /// The finding.
    public var finding: Finding
    /// Its label: true, false, or nil when unlabelled.
    public var judgement: Bool?
  }

  /// Every built-in verdict.
  public var verdicts: [Verdict] = []
  /// Every pack finding (errors and warnings) under each app's checked name.
  public var packFindings: [PackFinding] = []
  /// Labelled findings that no longer occur (stale labels).
  public var missing: [String] = []

  /// Violations found / all violations found or not.
  public var recall: Double {
    let positives = verdicts.filter(\.violates)
    return positives.isEmpty
      ? 1 : Double(positives.filter(\.failed).count) / Double(positives.count)
  }

  /// Violations found that are real / all violations found.
  public var precision: Double {
    let failed = verdicts.filter(\.failed)
    return failed.isEmpty ? 1 : Double(failed.filter(\.violates).count) / Double(failed.count)
  }

  /// Verdicts that disagree with their label.
  public var wrongVerdicts: [Verdict] { verdicts.filter { $0.violates != $0.failed } }

  /// Verdicts some innocent perturbation flipped.
  public var flipped: [Verdict] { verdicts.filter { !$0.flippedBy.isEmpty } }

  /// Pack findings judged false / all pack findings.
  public var falsePositiveRate: Double {
    packFindings.isEmpty
      ? 0 : Double(packFindings.filter { $0.judgement == false }.count) / Double(packFindings.count)
  }

  /// Findings without a label.
  public var unlabelled: [PackFinding] { packFindings.filter { $0.judgement == nil } }

  /// For each rule with findings: findings, and those judged false.
  public var byRule: [(rule: String, findings: Int, falseOnes: Int)] {
    Dictionary(grouping: packFindings, by: \.finding.ruleID).map { rule, found in
      (rule, found.count, found.filter { $0.judgement == false }.count)
    }.sorted { ($0.falseOnes, $0.findings, $1.rule) > ($1.falseOnes, $1.findings, $0.rule) }
  }

  /// Runs the calibration.
  /// - Parameters:
  ///   - labels: the labels.
  ///   - root: the folder holding the apps (`../shared/realworld-apps`).
  ///   - packs: the packs whose checks run under each checked name.
  public static func run(labels: CalibrationLabels, root: String, packs: [RulePack]) throws
    -> CalibrationReport
  {
    var report = CalibrationReport()
    for app in labels.apps {
      let workspace = try Workspace.folder(
        at: URL(fileURLWithPath: root).appendingPathComponent(app.folder).path)
      let perturbed = InnocentPerturbation.allCases.map { ($0, $0.applied(to: workspace)) }
      for (name, violates) in app.honest.map({ ($0, false) }) + app.violating.map({ ($0, true) }) {
        let verifier = Verifier(target: try VerificationTarget.named(name))
        let failed = !verifier.verify(workspace).passed
        let flips = perturbed.filter { verifier.verify($0.1).passed == failed }.map(\.0)
        report.verdicts.append(
          Verdict(app: app.folder, name: name, violates: violates, failed: failed, flippedBy: flips))
      }
      let checked = try VerificationTarget.named(app.checked).selecting(packs)
      let builtIn = Set(BuiltInRule.all.map(\.id))
      let found = Verifier(target: checked).verify(workspace).findings.filter {
        !builtIn.contains($0.ruleID) && $0.severity != .note
      }
      var unused = app.findings
      for finding in found {
        let index = unused.firstIndex {
          $0.rule == finding.ruleID && $0.file == finding.path && $0.line == finding.line
        }
        report.packFindings.append(
          PackFinding(app: app.folder, finding: finding, judgement: index.map { unused[$0].judgement }))
        if let index { unused.remove(at: index) }
      }
      report.missing += unused.map {
        "\(app.folder): \($0.rule) \($0.file ?? "-"):\($0.line.map(String.init) ?? "-")"
      }
    }
    return report
  }
}
