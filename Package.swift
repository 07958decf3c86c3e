// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "cplan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cplan", targets: ["cplan"]),
    .library(name: "CPlanModel", targets: ["CPlanModel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(name: "CPlanCore"),
    .target(name: "CPlanYAML", dependencies: ["CLibYAML", "CPlanCore"]),
    .target(name: "CPlanModel", dependencies: ["CPlanCore", "CPlanYAML"]),
    .target(name: "CPlanSpec", dependencies: ["CPlanCore", "CPlanYAML", "CPlanModel"]),
    .target(name: "CPlanHarness", dependencies: ["CPlanCore", "CPlanModel"]),
    .target(name: "CPlanVerify", dependencies: ["CPlanCore", "CPlanModel", "CPlanHarness"]),
    .target(name: "CPlanPacks", dependencies: ["CPlanCore", "CPlanModel", "CPlanVerify"]),
    .target(
      name: "CPlanCorpus",
      dependencies: [
        "CPlanCore", "CPlanYAML", "CPlanModel", .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .target(name: "CPlanCompare", dependencies: ["CPlanCore", "CPlanHarness", "CPlanVerify"]),
    .target(
      name: "CPlanPlanning",
      dependencies: [
        "CPlanCore", "CPlanModel", "CPlanSpec", "CPlanHarness", "CPlanCorpus",
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .executableTarget(
      name: "cplan",
      dependencies: [
        "CPlanCore", "CPlanModel", "CPlanSpec", "CPlanHarness", "CPlanPlanning", "CPlanCorpus",
        "CPlanVerify", "CPlanPacks", "CPlanCompare",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "CPlanYAMLTests", dependencies: ["CPlanYAML", "CPlanCore"]),
    .testTarget(
      name: "CPlanModelTests",
      dependencies: ["CPlanModel", "CPlanYAML", "CPlanCore"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "CPlanSpecTests", dependencies: ["CPlanSpec", "CPlanModel"], exclude: ["Fixtures"]),
    .testTarget(
      name: "CPlanHarnessTests", dependencies: ["CPlanHarness", "CPlanModel"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CPlanPlanningTests",
      dependencies: ["CPlanPlanning", "CPlanSpec", "CPlanHarness", "CPlanModel"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CPlanCorpusTests",
      dependencies: [
        "CPlanCorpus", "CPlanModel", "CPlanYAML", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CPlanVerifyTests", dependencies: ["CPlanVerify", "CPlanModel"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CPlanPacksTests",
      dependencies: [
        "CPlanPacks", "CPlanModel", "CPlanVerify", "CPlanCorpus",
        .product(name: "GRDB", package: "GRDB.swift"),
      ], exclude: ["Fixtures"]),
    .testTarget(
      name: "CPlanCompareTests", dependencies: ["CPlanCompare"], exclude: ["Fixtures"]),
    .testTarget(
      name: "CPlanCLITests",
      dependencies: ["cplan", "CPlanCore", .product(name: "GRDB", package: "GRDB.swift")]),
  ]
)
