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
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
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
    .executableTarget(
      name: "cplan",
      dependencies: [
        "CPlanCore", "CPlanModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "CPlanYAMLTests", dependencies: ["CPlanYAML", "CPlanCore"]),
    .testTarget(
      name: "CPlanModelTests",
      dependencies: ["CPlanModel", "CPlanYAML", "CPlanCore"],
      exclude: ["Fixtures"]
    ),
    .testTarget(name: "CPlanCLITests", dependencies: ["cplan", "CPlanCore"]),
  ]
)
