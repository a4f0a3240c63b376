import Foundation
import Store

/// One page's request: its URL and, for a search endpoint, the JSON body POSTed there.
struct PageCall: Sendable, Hashable {
    var url: String
    var body: [UInt8]?
}

/// Builds List requests for one object of one connection.
struct PageRequest: Sendable {
    var baseURL: String
    var connectionID: String
    var object: ObjectSpec
    var pageSize: Int

    /// The request of a page: the first page of a run when `token` is nil, else the page the token names. A search
    /// endpoint (``ObjectSpec/requestBody``) gets the cursor, page size and token in its body, not in the query.
    func call(queryFrom: String?, token: String?) -> PageCall {
        if case .nextURL = object.pagination, let token {
            return PageCall(url: resolve(token), body: nil)
        }
        var query: [(String, String)] = object.extraQuery.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if let template = object.requestBody {
            let body = RequestBodyTemplate(template: template).fill(cursor: queryFrom, limit: pageSize, token: token)
            return PageCall(url: url(query: query), body: JSWriter.serialize(body))
        }
        if let queryFrom { query.append((object.cursorParam, queryFrom)) }
        query.append((object.pageSizeParam, String(pageSize)))
        if let token {
            switch object.pagination {
            case let .offset(param): query.append((param, token))
            case let .cursor(param, _): query.append((param, token))
            case .nextURL: break
            }
        }
        return PageCall(url: url(query: query), body: nil)
    }

    private func url(query: [(String, String)]) -> String {
        let path = object.path.replacing(placeholder: "{connection_id}", with: Self.escape(connectionID))
        guard !query.isEmpty else { return trimmedBase + path }
        return trimmedBase + path + "?" + query.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }
            .joined(separator: "&")
    }

    /// The next page's token, or nil at the end of the run (polling.md §13).
    func nextToken(body: JSONValue, records: Int, currentToken: String?) -> String? {
        switch object.pagination {
        case .offset:
            guard records >= pageSize, records > 0 else { return nil }
            return String((currentToken.flatMap { Int($0) } ?? 0) + records)
        case let .cursor(_, tokenPath):
            guard let token = body.value(atPath: tokenPath)?.keyText, !token.isEmpty else { return nil }
            return token
        case let .nextURL(urlPath):
            guard let link = body.value(atPath: urlPath)?.stringValue, !link.isEmpty else { return nil }
            return link
        }
    }

    private var trimmedBase: String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    private func resolve(_ link: String) -> String {
        if link.hasPrefix("http://") || link.hasPrefix("https://") { return link }
        if let base = URL(string: trimmedBase), let resolved = URL(string: link, relativeTo: base) {
            return resolved.absoluteString
        }
        return trimmedBase + (link.hasPrefix("/") ? link : "/" + link)
    }

    /// Percent-encodes every byte of the UTF-8 text but letters, digits and `-._~:`, as a query component or a path
    /// segment needs; a byte loop, since it runs for every parameter of every request.
    static func escape(_ text: String) -> String {
        guard !text.utf8.allSatisfy(isUnreserved) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }
}
