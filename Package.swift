// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "escalation",
  // Linux only (Debian/Ubuntu, see the README): the sources call Glibc and the C libraries come
  // from apt, so no Apple platform is claimed.
  products: [
    .executable(name: "escalation", targets: ["escalation"]),
    .library(name: "EscalationKit", targets: ["EscalationKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibCSV",
      path: "Sources/CLibCSV",
      providers: [.apt(["libcsv-dev"])]
    ),
    .systemLibrary(
      name: "CLibXLSXWriter",
      path: "Sources/CLibXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    .systemLibrary(
      name: "CLibXML2",
      path: "Sources/CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // The documented diagnostic codes and the error protocol every error type adopts.
    .target(name: "Diagnostics"),
    .target(name: "CSVImport", dependencies: ["CLibCSV", "Diagnostics"]),
    // Reads .xlsx workbooks (ZIPFoundation for the package, libxml2's SAX2 push parser for the
    // parts) into the same records as CSVImport.
    .target(
      name: "XLSXImport",
      dependencies: [
        "CLibXML2", "CSVImport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(
      name: "EscalationKit",
      dependencies: [
        "CSVImport", "XLSXImport", "Diagnostics", .product(name: "TOMLKit", package: "TOMLKit"),
      ]
    ),
    .target(name: "XLSXExport", dependencies: ["CLibXLSXWriter", "EscalationKit", "Diagnostics"]),
    // Profiles (TOML) read into EscalationKit's typed `Profile`.
    .target(
      name: "ProfileTOML",
      dependencies: [
        "EscalationKit", "Diagnostics", .product(name: "TOMLKit", package: "TOMLKit"),
      ]),
    .executableTarget(
      name: "escalation",
      dependencies: [
        "EscalationKit", "CSVImport", "XLSXExport", "Diagnostics", "ProfileTOML",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "CSVImportTests", dependencies: ["CSVImport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "XLSXImportTests",
      dependencies: [
        "XLSXImport", "CSVImport", "EscalationKit", "XLSXExport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "EscalationKitTests",
      dependencies: [
        "EscalationKit", "CSVImport", "ProfileTOML",
        .product(name: "PropertyBased", package: "swift-property-based"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      resources: [.copy("Fixtures")]
    ),
    // Reads XLSX packages back for the tests (ZIPFoundation + XMLParser); not shipped.
    .target(
      name: "XLSXTestSupport",
      dependencies: ["XLSXExport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      path: "Tests/XLSXTestSupport"
    ),
    .testTarget(
      name: "XLSXExportTests",
      dependencies: [
        "XLSXExport", "EscalationKit", "XLSXTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "escalationTests",
      dependencies: [
        "escalation", "EscalationKit", "Diagnostics", "XLSXTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Fixtures")]
    ),
  ]
)
