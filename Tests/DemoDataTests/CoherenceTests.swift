import DemoData
import Domain
import Testing

/// Needs and the experts who fit them share vocabulary, so the matcher has something real to find.
@Suite struct CoherenceTests {
    let data = Fixture.data

    @Test func mostNeedsShareAKeywordWithAnExpertOfTheirTrack() {
        let shared = data.needs.filter { need in
            let words = Set(need.draft.keywords)
            return data.experts.contains { expert in
                expert.profile.tracks.contains(need.draft.tracks[0])
                    && expert.profile.keywords.contains(where: words.contains)
            }
        }
        #expect(shared.count * 100 / data.needs.count >= 95)
    }

    @Test func mostNeedsHaveAnExpertWithTheExactDiscipline() {
        let fitting = data.needs.filter { need in
            data.experts.contains { $0.profile.disciplineCodes.contains(need.draft.disciplineCodes[0]) }
        }
        #expect(fitting.count * 100 / data.needs.count >= 95)
    }

    @Test func needTextUsesTheTopicVocabulary() throws {
        for need in data.needs {
            let topic = try #require(TopicBank.topic(code: need.topicCode))
            #expect(need.draft.keywords.allSatisfy(topic.keywords.contains))
        }
    }

    @Test func everyTopicHasExperts() {
        for topic in TopicBank.all {
            #expect(data.experts.filter { $0.topicCode == topic.code }.count >= 3, "\(topic.code)")
        }
    }
}
