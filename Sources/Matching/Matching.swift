/// Placeholder until the matcher lands.
public enum MatchingModule {}
