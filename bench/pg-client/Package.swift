// swift-tools-version:5.10
import PackageDescription
let package = Package(
  name: "pgclient",
  platforms: [.macOS(.v13)],
  dependencies: [.package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2")],
  targets: [
    .systemLibrary(name: "CPQ", path: "Sources/CPQ", pkgConfig: "libpq"),
    .executableTarget(name: "LibPQBench", dependencies: ["CPQ"]),
    .executableTarget(name: "NIOBench", dependencies: [.product(name: "PostgresNIO", package: "postgres-nio")]),
  ]
)
