// swift-tools-version:6.1
import PackageDescription

/// Per-row code after the reader: no run-time exclusivity checks in release
/// builds, where they cost 7.5% of `bench/ingest.sh`'s rows/s (the debug
/// builds the tests run keep them). The reader (PikirIngest), which reads
/// arbitrary files, keeps every check: turning them off there gained nothing
/// measurable (bench/README.md, session 4).
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "pikir",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pikir", targets: ["pikir"]),
        .library(name: "PikirIngest", targets: ["PikirIngest"]),
        .library(name: "PikirNormalise", targets: ["PikirNormalise"]),
        .library(name: "PikirModel", targets: ["PikirModel"]),
        .library(name: "PikirEngine", targets: ["PikirEngine"]),
        .library(name: "PikirStore", targets: ["PikirStore"]),
        .library(name: "PikirStats", targets: ["PikirStats"]),
        .library(name: "PikirAggregate", targets: ["PikirAggregate"]),
        .library(name: "PikirReport", targets: ["PikirReport"]),
        .library(name: "PikirPipeline", targets: ["PikirPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Debian's libcsv-dev ships no pkg-config file: the module map links "csv" itself.
        .systemLibrary(
            name: "CLibCSV",
            path: "Sources/CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .target(name: "PikirIngest", dependencies: ["CLibCSV"]),
        // Debian's libpq-dev (PostgreSQL's reference client) for the shared
        // warehouse; its header is in /usr/include/postgresql, found through
        // its pkg-config file.
        .systemLibrary(
            name: "CLibPQ",
            path: "Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Debian's libxlsxwriter-dev (the C port of XlsxWriter) for the .xlsx
        // outputs; its headers are in /usr/include, so the module map links
        // "xlsxwriter" itself, as CLibCSV does (libxlsxwriter.so brings zlib).
        .systemLibrary(
            name: "CLibXlsxWriter",
            path: "Sources/CLibXlsxWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Records to canonical responses; its rules are pure functions.
        .target(name: "PikirNormalise", dependencies: ["PikirIngest"], swiftSettings: hotPath),
        // The stored response described once (its columns, rows, the ingest's
        // accounting), and the warehouse's protocols; no storage engine.
        .target(
            name: "PikirModel",
            dependencies: ["PikirNormalise", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: hotPath
        ),
        // Files read and normalised on every core, for ingest (into any
        // Warehouse) and for aggregating exports directly.
        .target(
            name: "PikirEngine",
            dependencies: [
                "PikirIngest", "PikirNormalise", "PikirModel",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: hotPath
        ),
        // The warehouse: SQLite (GRDB), the first implementation of Warehouse
        // and WarehouseLocation, and PostgreSQL (libpq, in Postgres/).
        .target(
            name: "PikirStore",
            dependencies: [
                "PikirIngest", "PikirNormalise", "PikirModel", "CLibPQ",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: hotPath
        ),
        // Pure statistics on small discrete scales; no dependencies at all.
        .target(name: "PikirStats"),
        // Grouping responses from any ResponseSource, and their statistics.
        .target(
            name: "PikirAggregate",
            dependencies: ["PikirStats", "PikirNormalise", "PikirModel"],
            swiftSettings: hotPath
        ),
        // Text, HTML and .xlsx output: tables, dashboards, message catalogues,
        // workbooks (the only importer of CLibXlsxWriter).
        .target(
            name: "PikirReport",
            dependencies: [
                "PikirAggregate", "PikirStats", "PikirModel", "PikirNormalise", "CLibXlsxWriter",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        // pipelines/*.toml: the file format, its validation, and the stage runner.
        .target(
            name: "PikirPipeline",
            dependencies: [
                "PikirModel", "PikirEngine", "PikirStore", "PikirAggregate", "PikirReport", "PikirNormalise", "PikirIngest",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The fuzzers' checks (`make fuzz`) and their replay tools; the
        // regression tests in PikirFuzzingTests replay what they found.
        .systemLibrary(name: "CFuzzerDriver", path: "Sources/CFuzzerDriver"),
        .target(name: "PikirFuzzing", dependencies: ["PikirIngest", "PikirNormalise", "PikirModel", "PikirEngine", "PikirStore", "CFuzzerDriver"]),
        .executableTarget(name: "pikir-fuzz-read", dependencies: ["PikirFuzzing"]),
        .executableTarget(name: "pikir-fuzz-warehouse", dependencies: ["PikirFuzzing"]),
        .executableTarget(
            name: "pikir",
            dependencies: [
                "PikirIngest", "PikirNormalise", "PikirModel", "PikirEngine", "PikirStore", "PikirStats", "PikirAggregate",
                "PikirReport", "PikirPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PikirIngestTests",
            dependencies: ["PikirIngest"]
        ),
        .testTarget(
            name: "PikirNormaliseTests",
            dependencies: ["PikirNormalise"]
        ),
        .testTarget(
            name: "PikirModelTests",
            dependencies: ["PikirModel"]
        ),
        .testTarget(
            name: "PikirStoreTests",
            dependencies: ["PikirStore", "PikirEngine", "PikirModel"]
        ),
        .testTarget(
            name: "PikirStatsTests",
            dependencies: ["PikirStats"],
            exclude: ["Reference"]
        ),
        .testTarget(
            name: "PikirAggregateTests",
            dependencies: ["PikirAggregate", "PikirModel"]
        ),
        .testTarget(
            name: "PikirReportTests",
            dependencies: ["PikirReport", "PikirModel", "PikirStore"]
        ),
        .testTarget(
            name: "PikirPipelineTests",
            dependencies: ["PikirPipeline"]
        ),
        .testTarget(
            name: "PikirFuzzingTests",
            dependencies: ["PikirFuzzing"],
            exclude: ["Regressions"]
        ),
        .testTarget(
            name: "pikirTests",
            dependencies: ["pikir"]
        ),
    ]
)
