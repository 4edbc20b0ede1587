// swift-tools-version:5.9
// The Swift wrapper over livesign's C API. Link the static library by passing its directory:
//   swift test -Xlinker -L<dir containing liblivesign.a only>
import PackageDescription

let package = Package(
    name: "Livesign",
    products: [.library(name: "Livesign", targets: ["Livesign"])],
    targets: [
        .systemLibrary(name: "CLivesign", path: "Sources/CLivesign"),
        .target(name: "Livesign", dependencies: ["CLivesign"]),
        .testTarget(name: "LivesignTests", dependencies: ["Livesign"]),
    ]
)
