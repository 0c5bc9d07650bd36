/// The headline report's SQL, built per grouping and tenant with only the joins each part needs.
///
/// Three steps, none reading another's result twice, so PostgreSQL can run them in parallel and never materialises
/// a wide shared row set (at 50,000 dispatches and 500,000 outcomes the earlier single 7-join CTE sorted and spilled
/// to disk, see BENCHMARKS.md):
/// 1. `d`: distinct commissioners per group, from the assignments with the grouping's and the tenant's joins;
/// 2. `o1`: verified outcomes added up per cheap key (an id, a code or a year) and kind, joined to their assignment
///    only when the tenant or the key needs it (program-wide totals and years read the outcome index alone);
/// 3. `o`: the keys labelled and pivoted by kind, re-added by label (two units of the same name make one row).
/// Every joined key is a NOT NULL foreign key, so leaving out a join a grouping does not need never changes a count.
extension ReportStore {
    struct HeadlineShape {
        var dispatchKey: String
        var dispatchJoins: [String]
        var outcomeKey: String
        var outcomeJoins: [String]
        var label: String
        var labelJoin: String
    }

    static let expertJoin = "JOIN expert e ON e.id = a.expert_id"

    static func headlineShape(_ grouping: Grouping) -> HeadlineShape {
        switch grouping {
        case .total:
            HeadlineShape(
                dispatchKey: "'合计'", dispatchJoins: [], outcomeKey: "'合计'", outcomeJoins: [], label: "o1.k",
                labelJoin: "")
        case .year:
            HeadlineShape(
                dispatchKey: "extract(year FROM a.term_start)::int::text", dispatchJoins: [],
                outcomeKey: "extract(year FROM ou.achieved_on)::int", outcomeJoins: [], label: "o1.k::text",
                labelJoin: "")
        case .batch:
            HeadlineShape(
                dispatchKey: "coalesce(b.name, '直接选派')",
                dispatchJoins: ["LEFT JOIN match_batch b ON b.id = a.batch_id"],
                outcomeKey: "a.batch_id", outcomeJoins: [], label: "coalesce(b.name, '直接选派')",
                labelJoin: "LEFT JOIN match_batch b ON b.id = o1.k")
        case .track:
            HeadlineShape(
                dispatchKey: "coalesce(t.name_zh, '未分类')",
                dispatchJoins: [
                    "JOIN need n ON n.id = a.need_id", "LEFT JOIN industry_track t ON t.code = n.tracks[1]",
                ],
                outcomeKey: "n.tracks[1]", outcomeJoins: ["JOIN need n ON n.id = a.need_id"],
                label: "coalesce(t.name_zh, '未分类')", labelJoin: "LEFT JOIN industry_track t ON t.code = o1.k")
        case .region:
            HeadlineShape(
                dispatchKey: "r.name_zh",
                dispatchJoins: [
                    "JOIN organization ent ON ent.id = a.enterprise_id", "JOIN region r ON r.code = ent.region_code",
                ],
                outcomeKey: "ent.region_code", outcomeJoins: ["JOIN organization ent ON ent.id = a.enterprise_id"],
                label: "r.name_zh", labelJoin: "JOIN region r ON r.code = o1.k")
        case .unit:
            HeadlineShape(
                dispatchKey: "u.name", dispatchJoins: [expertJoin, "JOIN organization u ON u.id = e.unit_id"],
                outcomeKey: "e.unit_id", outcomeJoins: [expertJoin], label: "u.name",
                labelJoin: "JOIN organization u ON u.id = o1.k")
        }
    }

    static func headlineSQL(_ grouping: Grouping, for identity: Identity) -> String {
        let shape = headlineShape(grouping)
        let tenant = identity.dispatchScope()
        let tenantJoins = identity.role == .unitAdmin ? [expertJoin] : []
        // Every outcome has an assignment, so program-wide totals and years need no join at all.
        let needsAssignment =
            !identity.isProgramStaff || !shape.outcomeJoins.isEmpty || shape.outcomeKey.hasPrefix("a.")
        func joins(_ extra: [String]) -> String {
            var out: [String] = []
            for j in tenantJoins + extra where !out.contains(j) { out.append(j) }
            return out.joined(separator: "\n")
        }
        return """
            WITH d AS (
                SELECT \(shape.dispatchKey) AS g, count(DISTINCT a.expert_id) AS people
                FROM assignment a
                \(joins(shape.dispatchJoins))
                WHERE \(tenant)
                GROUP BY 1
            ),
            o1 AS (
                SELECT \(shape.outcomeKey) AS k, ou.kind, count(*) AS n, sum(ou.trained_count) AS trained,
                       sum(ou.contract_value) AS value, sum(ou.amount_received) AS received
                FROM outcome ou
                \(needsAssignment ? "JOIN assignment a ON a.id = ou.assignment_id" : "")
                \(joins(shape.outcomeJoins))
                WHERE ou.status = 'verified' AND \(tenant)
                GROUP BY 1, 2
            ),
            o AS (
                SELECT \(shape.label) AS g,
                    sum(o1.n) FILTER (WHERE o1.kind = 'project') AS projects,
                    sum(o1.n) FILTER (WHERE o1.kind = 'achievement_transfer') AS transfers,
                    sum(o1.n) FILTER (WHERE o1.kind = 'standard') AS standards,
                    sum(o1.n) FILTER (WHERE o1.kind = 'new_product') AS products,
                    sum(o1.n) FILTER (WHERE o1.kind = 'platform') AS platforms,
                    sum(o1.trained) FILTER (WHERE o1.kind = 'staff_trained') AS trained,
                    sum(o1.n) FILTER (WHERE o1.kind = 'contract') AS contracts,
                    sum(o1.value) FILTER (WHERE o1.kind = 'contract') AS value,
                    sum(o1.received) FILTER (WHERE o1.kind = 'contract') AS received,
                    sum(o1.n) FILTER (WHERE o1.kind = 'patent') AS patents
                FROM o1
                \(shape.labelJoin)
                GROUP BY 1
            )
            SELECT coalesce(d.g, o.g), coalesce(d.people, 0), coalesce(o.projects, 0)::int8,
                   coalesce(o.transfers, 0)::int8, coalesce(o.standards, 0)::int8, coalesce(o.products, 0)::int8,
                   coalesce(o.platforms, 0)::int8, coalesce(o.trained, 0)::int8, coalesce(o.contracts, 0)::int8,
                   coalesce(o.value, 0)::float8, coalesce(o.received, 0)::float8, coalesce(o.patents, 0)::int8
            FROM d FULL JOIN o ON o.g = d.g
            ORDER BY 1
            """
    }
}
