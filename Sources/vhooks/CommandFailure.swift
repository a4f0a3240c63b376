import Foundation

/// A command that ran but could not do what was asked (an unknown id, …): printed as `Error: <message>`, exit 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Writes a line to standard error, for notes that must not mix with the output scripts capture.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
