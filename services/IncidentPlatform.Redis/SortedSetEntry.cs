namespace IncidentPlatform.Redis;

/// <summary>A member of a sorted set with its score, as <c>ZRANGE … WITHSCORES</c> returns them.</summary>
/// <param name="Member">The member.</param>
/// <param name="Score">Its score.</param>
public readonly record struct SortedSetEntry(RedisValue Member, double Score);
