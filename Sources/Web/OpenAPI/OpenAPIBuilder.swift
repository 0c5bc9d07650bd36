import Foundation

/// Small builders for OpenAPI 3.1 / JSON Schema fragments, so the document reads like a table.
enum OA {
    typealias Node = [String: Any]

    static func ref(_ name: String) -> Node { ["$ref": "#/components/schemas/\(name)"] }
    static var string: Node { ["type": "string"] }
    static var integer: Node { ["type": "integer"] }
    static var number: Node { ["type": "number"] }
    static var boolean: Node { ["type": "boolean"] }
    static var date: Node { ["type": "string", "format": "date"] }
    static var dateTime: Node { ["type": "string", "format": "date-time"] }
    static var stringArray: Node { array(string) }

    static func nullable(_ type: String) -> Node { ["type": [type, "null"]] }
    static func array(_ items: Node) -> Node { ["type": "array", "items": items] }
    static func enumeration(_ values: [String]) -> Node { ["type": "string", "enum": values] }

    static func object(_ properties: Node, required: [String] = []) -> Node {
        var o: Node = ["type": "object", "properties": properties]
        if !required.isEmpty { o["required"] = required }
        return o
    }

    /// An operation: its JSON request body (a schema name), its responses (status → schema name, nil for none).
    static func operation(
        _ summary: String, tag: String, body: String? = nil, responses: [(Int, String?)], secured: Bool = true,
        parameters: [Node] = []
    ) -> Node {
        var op: Node = ["summary": summary, "tags": [tag]]
        if let body {
            op["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]]
        }
        var out: Node = [:]
        for (status, schema) in responses {
            var r: Node = ["description": HTTPStatusText.text(status)]
            if let schema { r["content"] = ["application/json": ["schema": ref(schema)]] }
            out[String(status)] = r
        }
        // Every operation can fail with the common error shape.
        out["default"] = ["description": "错误", "content": ["application/json": ["schema": ref("Error")]]]
        op["responses"] = out
        if secured { op["security"] = [["bearer": [String]()]] }
        if !parameters.isEmpty { op["parameters"] = parameters }
        return op
    }

    static func pathParameter(_ name: String) -> Node {
        ["name": name, "in": "path", "required": true, "schema": integer]
    }

    static func query(_ name: String, _ schema: Node) -> Node {
        ["name": name, "in": "query", "required": false, "schema": schema]
    }
}

/// Reason phrases for response descriptions.
enum HTTPStatusText {
    static func text(_ status: Int) -> String {
        switch status {
        case 200: "成功"
        case 201: "已创建"
        case 204: "无内容"
        case 503: "服务不可用"
        default: "HTTP \(status)"
        }
    }
}
