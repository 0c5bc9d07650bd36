extension CandidateRanker {
    /// Marks experts sharing the need's exact or second-level discipline codes.
    func touchAttributes(of need: NeedProfile, workspace: inout RankingWorkspace) {
        for code in need.disciplines {
            for document in attributes.exactDiscipline[code] ?? [] {
                workspace.raiseDiscipline(document, to: .exact)
            }
            if code.count >= 5 {
                for document in attributes.secondLevelDiscipline[String(code.prefix(5))] ?? [] {
                    workspace.raiseDiscipline(document, to: .sameSecondLevel)
                }
            }
        }
    }

    /// The best eligible touched experts by text, discipline and track (the components known before full
    /// scoring), at most `effectivePoolSize`, ties broken by input position.
    func selectPool(need: NeedProfile, workspace: RankingWorkspace) -> [Int32] {
        let weights = settings.weights
        let half = weights.textTransform.halfSaturation
        let levelValue = [
            0, weights.disciplineSameFirstLevel, weights.disciplineSameSecondLevel, weights.disciplineExact,
        ]
        .map { weights.discipline * $0 }
        // An array, not a set: a need has one or two codes, and hashing per expert would dominate the loop.
        let needFirstLevels = need.disciplines.compactMap { Int32($0.prefix(3)) }
        let needTrackBit = need.trackCode.map(ExpertAttributeIndex.trackBit) ?? 0
        var heap = BoundedBestHeap(capacity: settings.effectivePoolSize)
        // Raw buffers keep reference counting out of the loop over tens of thousands of experts.
        eligible.withUnsafeBufferPointer { eligible in
            workspace.text.scores.withUnsafeBufferPointer { scores in
                workspace.attributes.withUnsafeBufferPointer { levels in
                    attributes.packedFacts.withUnsafeBufferPointer { facts in
                        // Same arithmetic as TextRelevanceTransform and ScoreWeights, inlined.
                        func consider(_ document: Int32) {
                            let position = Int(document)
                            guard eligible[position] else { return }
                            let raw = Double(scores[position])
                            let text = raw > 0 ? raw / (raw + half) : 0
                            let word = facts[position]
                            var level = Int(levels[position])
                            if level == 0, !needFirstLevels.isEmpty {
                                for shift: UInt64 in [0, 10, 20] {
                                    let code = Int32((word >> shift) & 0x3FF)
                                    if code != 0, needFirstLevels.contains(code) { level = 1 }
                                }
                            }
                            let track = UInt8((word >> 32) & 0xFF) & needTrackBit != 0
                            let value = weights.text * text + levelValue[level] + (track ? weights.track : 0)
                            heap.offer(value: value, document: document)
                        }
                        for document in workspace.text.touched { consider(document) }
                        for document in workspace.attributeTouched where !workspace.text.wasTouched(document) {
                            consider(document)
                        }
                    }
                }
            }
        }
        return heap.documents()
    }

    /// Experts that must be considered whatever their text: named by the enterprise, choosing the need,
    /// or having worked (themselves or through their unit) with the enterprise.
    func forcedCandidates(for need: NeedProfile) -> [Int32] {
        var forced: [Int32] = []
        for id in need.record.preferredExpertIDs ?? [] {
            if let document = documentByID[id] { forced.append(document) }
        }
        forced.append(contentsOf: choosersByNeed[need.record.id] ?? [])
        if let enterprise = need.record.enterpriseID {
            forced.append(contentsOf: cooperatorsByEnterprise[enterprise] ?? [])
        }
        return forced
    }
}
