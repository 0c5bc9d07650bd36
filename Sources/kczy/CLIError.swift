import ArgumentParser
import LibPQ

/// Turns library errors into one readable line on stderr and a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ error: any Error, hint: String? = nil) {
        // The CLI is run by operators, so the full database message is useful here (never in HTTP bodies).
        var text = (error as? PGError).map { $0.debugDescription } ?? String(describing: error)
        if let hint { text += "\nhint: \(hint)" }
        self.description = text
    }
}
